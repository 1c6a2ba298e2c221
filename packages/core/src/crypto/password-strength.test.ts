import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordStrength } from './password-strength.ts';

describe('passwordStrength', () => {
  it.each([
    ['', 0],
    ['court', 0],
    ['Tr0ub4dor&3', 2], // strong-looking but only 11 characters
    ['motdepasse123', 0],
    ['aaaaaaaaaaaaaaaa', 0],
    ['azertyuiopqsdf', 0],
    ['abcdefghijklmnop', 0],
    ['Marseille2024!', 1],
    ['soleilsoleilsoleil', 0],
    ['Jean-Pierre1975', 2],
    ['Password123!', 0],
  ])('rejects %j', (password, maxScore) => {
    const result = passwordStrength(password);
    expect(result.acceptable).toBe(false);
    expect(result.score).toBeLessThanOrEqual(maxScore);
  });

  it.each(['cheval correct batterie agrafe', 'kT9#mQ2$vL7!pX', 'Le chat dort sur 3 coussins verts', 'jardin-Brume-87-orage'])(
    'accepts %j',
    (password) => {
      const result = passwordStrength(password);
      expect(result.acceptable).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(3);
    },
  );

  it('asks for the missing characters below the minimum length, in French with vouvoiement', () => {
    expect(passwordStrength('abc').message).toBe(
      'Votre mot de passe doit contenir au moins 12 caractères : ajoutez-en encore 9.',
    );
    expect(passwordStrength('').message).toBe("Saisissez un mot de passe d'au moins 12 caractères.");
  });

  it('names the weakness it found', () => {
    expect(passwordStrength('motdepasse123').message).toMatch(/trop faciles à deviner/);
    expect(passwordStrength('aaaaaaaaaaaaaaaa').message).toMatch(/Évitez les répétitions/);
    expect(passwordStrength('cheval correct batterie agrafe').message).toBe('Excellent mot de passe.');
  });

  it('never accepts fewer than 12 characters, and acceptable ⇔ score ≥ 3', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (password) => {
        const result = passwordStrength(password);
        expect(result.acceptable).toBe(result.score >= 3);
        if (Array.from(password).length < PASSWORD_MIN_LENGTH) expect(result.acceptable).toBe(false);
        expect(result.message).not.toMatch(/\btu\b|\bton\b|\bta\b|\btes\b/i);
      }),
    );
  });

  it('stays fast on a pasted wall of text', () => {
    const result = passwordStrength('x'.repeat(100_000));
    expect(result.acceptable).toBe(false);
  });
});
