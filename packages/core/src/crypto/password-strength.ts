// A dependency-free password strength estimate for the sign-up form. It estimates entropy from
// the character classes used and an "effective length" in which common words, years, repeated
// characters, keyboard rows and alphabetical runs count for little, then maps bits to a 0–4 score.
// zxcvbn would be finer but weighs ~800 KB; Argon2id at 64 MiB already slows guessing a lot.

export const PASSWORD_MIN_LENGTH = 12;

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  /** score ≥ 3, which requires at least PASSWORD_MIN_LENGTH characters. */
  acceptable: boolean;
  /** French, for the person typing (vouvoiement). */
  message: string;
}

/** Lower-case, accent-free fragments that attackers try first (French and English lists). */
const COMMON = [
  'motdepasse', 'password', 'passw0rd', 'azerty', 'qwerty', 'soleil', 'bonjour', 'bonsoir', 'salut', 'coucou',
  'jetaime', 'iloveyou', 'amour', 'doudou', 'loulou', 'chouchou', 'chocolat', 'princesse', 'marseille', 'paris',
  'lyon', 'toulouse', 'france', 'football', 'nicolas', 'camille', 'julien', 'thomas', 'marie', 'admin',
  'administrateur', 'utilisateur', 'welcome', 'bienvenue', 'letmein', 'dragon', 'monkey', 'master', 'secret',
  'relais', 'maraude', 'association', 'samusocial', 'hello', 'hiver', 'printemps', 'automne', 'test',
  'chat', 'chien', 'maison', 'bebe', 'papa', 'maman', 'famille', 'vacances', 'chance', 'liberte',
  // Frequent French first names: "Prénom + année" is the most common pattern after dictionary words.
  'jean', 'pierre', 'michel', 'philippe', 'alain', 'patrick', 'christophe', 'stephane', 'sebastien', 'laurent',
  'frederic', 'olivier', 'antoine', 'lucas', 'louis', 'hugo', 'gabriel', 'arthur', 'sophie', 'nathalie',
  'isabelle', 'catherine', 'sylvie', 'christine', 'sandrine', 'emma', 'chloe', 'manon', 'julie', 'sarah',
].sort((a, b) => b.length - a.length);

const KEYBOARD_ROWS = ['azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

/** Longer input scores on its first characters only: the check runs on every keystroke. */
const MAX_ANALYSED = 128;

type Weakness = 'common' | 'pattern' | null;

export function passwordStrength(password: string): PasswordStrength {
  const length = Array.from(password).length;
  if (length === 0) {
    return { score: 0, acceptable: false, message: `Saisissez un mot de passe d'au moins ${PASSWORD_MIN_LENGTH} caractères.` };
  }
  const { effective, weakness } = effectiveLength(simplify(password).slice(0, MAX_ANALYSED));
  const bits = effective * Math.log2(alphabetSize(password));
  let score: PasswordStrength['score'] = bits < 28 ? 0 : bits < 45 ? 1 : bits < 60 ? 2 : bits < 80 ? 3 : 4;
  if (length < PASSWORD_MIN_LENGTH) {
    score = Math.min(score, 2) as PasswordStrength['score'];
    const missing = PASSWORD_MIN_LENGTH - length;
    return {
      score,
      acceptable: false,
      message: `Votre mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères : ajoutez-en encore ${missing}.`,
    };
  }
  return { score, acceptable: score >= 3, message: messageFor(score, weakness) };
}

function messageFor(score: PasswordStrength['score'], weakness: Weakness): string {
  if (score >= 4) return 'Excellent mot de passe.';
  if (score === 3) return 'Bon mot de passe.';
  if (weakness === 'common') {
    return 'Ce mot de passe contient un mot ou une date trop faciles à deviner : ajoutez des mots moins prévisibles.';
  }
  if (weakness === 'pattern') return 'Évitez les répétitions et les suites comme « 1234 », « abcd » ou « azerty ».';
  if (score === 2) return 'Mot de passe moyen : ajoutez quelques caractères ou un mot de plus.';
  return 'Mot de passe trop faible : allongez-le, par exemple avec plusieurs mots séparés par des espaces.';
}

/** Lower case without accents, as code points, so that « Été » and « ete » look alike. */
function simplify(password: string): string[] {
  return Array.from(password.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

function alphabetSize(password: string): number {
  let size = 0;
  if (/[a-z]/.test(password)) size += 26;
  if (/[A-Z]/.test(password)) size += 26;
  if (/[0-9]/.test(password)) size += 10;
  if (/[ -/:-@[-`{-~]/.test(password)) size += 33;
  if (/[^\x20-\x7e]/u.test(password)) size += 40;
  return Math.max(size, 2);
}

function effectiveLength(chars: string[]): { effective: number; weakness: Weakness } {
  const period = smallestPeriod(chars);
  const weak: { value: Weakness } = { value: period < chars.length ? 'pattern' : null };
  let effective = period < chars.length ? 1 : 0;
  const text = chars.slice(0, period);
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i).join('');
    const word = COMMON.find((w) => rest.startsWith(w));
    if (word !== undefined) {
      weak.value = 'common';
      effective += 2;
      i += Array.from(word).length;
      continue;
    }
    if (/^(19|20)\d\d/.test(rest)) {
      weak.value ??= 'common';
      effective += 2;
      i += 4;
      continue;
    }
    const run = Math.max(repeatRun(text, i), sequenceRun(text, i), keyboardRun(rest));
    if (run >= 3) {
      weak.value ??= 'pattern';
      effective += 1;
      i += run;
      continue;
    }
    effective += 1;
    i += 1;
  }
  return { effective, weakness: weak.value };
}

function smallestPeriod(chars: string[]): number {
  const n = chars.length;
  for (let p = 1; p <= n / 2; p++) {
    if (n % p !== 0) continue;
    let repeats = true;
    for (let i = p; i < n && repeats; i++) repeats = chars[i] === chars[i - p];
    if (repeats) return p;
  }
  return n;
}

function repeatRun(chars: string[], start: number): number {
  let end = start + 1;
  while (end < chars.length && chars[end] === chars[start]) end++;
  return end - start;
}

/** Runs of consecutive code points going up or down: « abcd », « 4321 ». */
function sequenceRun(chars: string[], start: number): number {
  if (start + 1 >= chars.length) return 1;
  const step = chars[start + 1]!.codePointAt(0)! - chars[start]!.codePointAt(0)!;
  if (step !== 1 && step !== -1) return 1;
  let end = start + 2;
  while (end < chars.length && chars[end]!.codePointAt(0)! - chars[end - 1]!.codePointAt(0)! === step) end++;
  return end - start;
}

/** Longest prefix of `rest` (≥ 4 characters) found along a keyboard row, in either direction. */
function keyboardRun(rest: string): number {
  let best = 0;
  for (const row of KEYBOARD_ROWS) {
    for (const line of [row, Array.from(row).reverse().join('')]) {
      for (let n = Math.min(rest.length, line.length); n >= 4 && n > best; n--) {
        if (line.includes(rest.slice(0, n))) {
          best = n;
          break;
        }
      }
    }
  }
  return best;
}
