import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { CheckboxField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid } from '../ui/forms.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

/** Shown once, right after the organisation is created: the code is never displayed again. */
export function RecoveryCodeScreen({ code }: { code: string }) {
  const controller = useController();
  const [noted, setNoted] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Code copié dans le presse-papiers.');
    } catch {
      setCopied('La copie a échoué : recopiez le code à la main.');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!noted) {
      setError('Veuillez confirmer que vous avez noté le code de secours.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.acknowledgeRecoveryCode();
    } catch (e) {
      setAlert(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>Code de secours</ScreenTitle>
      <p>
        Ce code permet de retrouver l'accès à l'organisation si vous oubliez votre mot de passe. Il ne sera
        <strong> plus jamais affiché</strong> : notez-le sur papier et rangez-le en lieu sûr, hors de cet appareil.
      </p>
      <p className="recovery-code" translate="no">
        <code data-testid="recovery-code">{code}</code>
      </p>
      <p>
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copier le code
        </button>
      </p>
      <StatusMessage>{copied}</StatusMessage>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <CheckboxField label="J'ai noté ce code en lieu sûr" checked={noted} onChecked={(v) => { setNoted(v); setError(undefined); }} error={error} />
        <SubmitButton busy={busy}>Continuer</SubmitButton>
      </form>
    </main>
  );
}
