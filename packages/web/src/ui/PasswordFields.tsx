// A new password with its confirmation and a live strength check (core's passwordStrength).
import { useId, useMemo } from 'react';
import { passwordStrength } from '@relais/core/crypto/password-strength';
import { TextField } from './fields.tsx';

export interface PasswordPair {
  password: string;
  confirmation: string;
}

const SCORE_LABELS = ['Très faible', 'Faible', 'Moyen', 'Bon', 'Excellent'] as const;

export function validatePasswordPair(pair: PasswordPair): { password?: string; confirmation?: string } {
  const errors: { password?: string; confirmation?: string } = {};
  const strength = passwordStrength(pair.password);
  if (!pair.password) errors.password = 'Veuillez choisir un mot de passe.';
  else if (!strength.acceptable) errors.password = strength.message;
  if (!pair.confirmation) errors.confirmation = 'Veuillez confirmer le mot de passe.';
  else if (pair.confirmation !== pair.password) errors.confirmation = 'Les deux mots de passe ne sont pas identiques.';
  return errors;
}

export function PasswordFields({
  value,
  onChange,
  errors,
  label = 'Mot de passe',
}: {
  value: PasswordPair;
  onChange: (value: PasswordPair) => void;
  errors: { password?: string | undefined; confirmation?: string | undefined };
  label?: string;
}) {
  const meterId = useId();
  const strength = useMemo(() => passwordStrength(value.password), [value.password]);
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onValue={(password) => onChange({ ...value, password })}
        error={errors.password}
        hint="Au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
        extraDescribedBy={meterId}
      />
      <div className="strength" data-score={value.password ? strength.score : undefined}>
        <div className="strength-bar" aria-hidden="true">
          <span style={{ width: value.password ? `${(strength.score + 1) * 20}%` : '0%' }} />
        </div>
        <p id={meterId} aria-live="polite">
          {value.password ? `Robustesse : ${SCORE_LABELS[strength.score]}. ${strength.message}` : ''}
        </p>
      </div>
      <TextField
        label="Confirmation du mot de passe"
        type="password"
        autoComplete="new-password"
        value={value.confirmation}
        onValue={(confirmation) => onChange({ ...value, confirmation })}
        error={errors.confirmation}
      />
    </>
  );
}
