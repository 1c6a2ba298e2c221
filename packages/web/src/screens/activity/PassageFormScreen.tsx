// Create or edit a passage: when, which team, which persons (or anonymous, with a count), a comment.
// The form is kept as an encrypted draft until saved, so nothing typed is lost on the way.
import { useRef, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router.tsx';
import { TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Missing } from './common.tsx';
import { TeamSelect, useTeam } from './controls.tsx';
import { useDraft, useRecord, useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { checkPassage, COMMENT_MAX, EMPTY_PASSAGE, whenOf, type FormErrors, type PassageInput, type PassageKey, withoutKeys } from './forms.ts';
import { usePersonNames } from './hooks.ts';
import { activityPaths } from './paths.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { RadioGroup } from './RadioGroup.tsx';
import { saveFailure } from '../../ui/save-failure.ts';
import { WhenFields } from './WhenFields.tsx';
import { localDate } from '../../ui/dates.ts';

export function PassageFormScreen({ id, personId }: { id?: string; personId?: string }) {
  const record = useRecord('passage', id ?? '');
  const { teamId, teams } = useTeam();
  const writer = useWriter();
  const names = usePersonNames();
  const form = useRef<HTMLFormElement>(null);
  const [nowMs] = useState(() => Date.now());
  const [draft, setDraft, clearDraft] = useDraft<PassageInput | null>(id ? `activity.passage.${id}` : `activity.passage.new.${personId ?? ''}`, null);
  const [errors, setErrors] = useState<FormErrors<PassageKey>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (id && record.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (id && (record.status === 'missing' || (record.status === 'found' && record.deleted))) {
    return <Missing title="Passage introuvable" back={activityPaths.passages} backLabel="Retour aux passages" />;
  }
  const base: PassageInput =
    id && record.status === 'found'
      ? {
          ...whenOf(record.fields.date),
          teamId: record.fields.teamId,
          anonymous: record.fields.personIds.length === 0,
          personIds: record.fields.personIds,
          anonymousCount: String(record.fields.anonymousCount || 1),
          comment: record.fields.comment,
        }
      : { ...EMPTY_PASSAGE, teamId, personIds: personId ? [personId] : [] };
  const value = draft ?? base;
  const set = (patch: Partial<PassageInput>) => {
    setDraft({ ...value, ...patch });
    if (Object.keys(patch).some((k) => k in errors)) setErrors(withoutKeys(errors, Object.keys(patch)));
  };
  const back = personId ? activityPaths.person(personId) : `${activityPaths.passages}?date=${value.date || localDate(nowMs)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkPassage(value, nowMs);
    setAlert(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (id) await writer.update('passage', id, checked.fields);
      else await writer.create('passage', checked.fields);
      clearDraft();
      setFlash(id ? 'Passage modifié.' : 'Passage enregistré.');
      navigate(personId ? activityPaths.person(personId) : `${activityPaths.passages}?date=${localDate(Date.parse(checked.fields.date))}`);
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.fields);
      setAlert(failure.message);
      setBusy(false);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
    }
  };

  const remove = async () => {
    if (!id || busy) return;
    setBusy(true);
    try {
      await writer.remove('passage', id);
      clearDraft();
      setFlash('Passage mis à la corbeille.');
      navigate(back);
    } catch (error) {
      setAlert(saveFailure(error).message);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>{id ? 'Modifier le passage' : 'Nouveau passage'}</ScreenTitle>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <WhenFields value={value} onValue={(when) => set(when)} nowMs={nowMs} errors={errors} />
        <TeamSelect teams={teams} value={value.teamId} onValue={(teamId) => set({ teamId })} error={errors.teamId} />
        <RadioGroup
          legend="Qui est passé ?"
          value={value.anonymous ? 'anonymous' : 'persons'}
          onValue={(mode) => {
            set({ anonymous: mode === 'anonymous' });
            setErrors(withoutKeys(errors, ['personIds', 'anonymousCount']));
          }}
          options={[
            { value: 'persons', label: 'Une ou plusieurs personnes suivies' },
            { value: 'anonymous', label: 'Passage anonyme' },
          ]}
        />
        {value.anonymous ? (
          <TextField
            label="Nombre de passages anonymes"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={value.anonymousCount}
            onValue={(anonymousCount) => set({ anonymousCount })}
            error={errors.anonymousCount}
          />
        ) : (
          <PersonPicker value={value.personIds} onValue={(personIds) => set({ personIds })} names={names} error={errors.personIds} />
        )}
        <TextAreaField label="Commentaire" value={value.comment} onValue={(comment) => set({ comment })} error={errors.comment} maxLength={COMMENT_MAX} />
        <div className="actions">
          <SubmitButton busy={busy}>Enregistrer le passage</SubmitButton>
          <Link href={back} className="button secondary" onClick={() => clearDraft()}>
            Annuler
          </Link>
        </div>
        {id ? (
          <p>
            <button type="button" className="secondary danger" onClick={() => void remove()}>
              Mettre à la corbeille
            </button>
          </p>
        ) : null}
        <p className="hint">Enregistré d'abord sur cet appareil, chiffré, puis envoyé au serveur dès que le réseau le permet.</p>
      </form>
    </main>
  );
}
