// Create or edit a rencontre: when, which team, the persons met (at least one), where (optional
// territoire), a comment. Kept as an encrypted draft until saved.
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, navigate } from '../../app/router.tsx';
import { SelectField, TextAreaField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { Missing } from './common.tsx';
import { TeamSelect, useTeam } from './controls.tsx';
import { useDraft, useIndex, useRecord, useSettings, useWriter } from './data.ts';
import { setFlash } from '../../ui/flash.ts';
import { checkEncounter, COMMENT_MAX, EMPTY_ENCOUNTER, whenOf, type EncounterInput, type EncounterKey, type FormErrors, withoutKeys } from './forms.ts';
import { usePersonNames } from './hooks.ts';
import { activityPaths } from './paths.ts';
import { PersonPicker } from './PersonPicker.tsx';
import { saveFailure } from '../../ui/save-failure.ts';
import { localDate } from '../../ui/dates.ts';
import { WhenFields } from './WhenFields.tsx';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function EncounterFormScreen({ id, personId, territoryId }: { id?: string; personId?: string; territoryId?: string }) {
  const record = useRecord('encounter', id ?? '');
  const { teamId, teams } = useTeam();
  const settings = useSettings();
  const writer = useWriter();
  const names = usePersonNames();
  const territories = useIndex('territory');
  const form = useRef<HTMLFormElement>(null);
  const [nowMs] = useState(() => Date.now());
  const [draft, setDraft, clearDraft] = useDraft<EncounterInput | null>(
    id ? `activity.encounter.${id}` : `activity.encounter.new.${personId ?? ''}.${territoryId ?? ''}`,
    null,
  );
  const [errors, setErrors] = useState<FormErrors<EncounterKey>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const territoryOptions = useMemo(
    () => [
      { value: '', label: 'Aucun territoire' },
      ...[...(territories ?? [])].sort((a, b) => collator.compare(a.summary.name, b.summary.name)).map((t) => ({ value: t.id, label: t.summary.name })),
    ],
    [territories],
  );

  if (id && record.status === 'loading') {
    return (
      <main id="main">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (id && (record.status === 'missing' || (record.status === 'found' && record.deleted))) {
    return <Missing title="Rencontre introuvable" back={activityPaths.encounters} backLabel="Retour aux rencontres" />;
  }
  const base: EncounterInput =
    id && record.status === 'found'
      ? { ...whenOf(record.fields.date), teamId: record.fields.teamId, personIds: record.fields.personIds, territoryId: record.fields.territoryId, comment: record.fields.comment }
      : { ...EMPTY_ENCOUNTER, teamId, personIds: personId ? [personId] : [], territoryId: territoryId ?? '' };
  const value = draft ?? base;
  const set = (patch: Partial<EncounterInput>) => {
    setDraft({ ...value, ...patch });
    if (Object.keys(patch).some((k) => k in errors)) setErrors(withoutKeys(errors, Object.keys(patch)));
  };
  const back = personId
    ? activityPaths.person(personId)
    : territoryId
      ? activityPaths.territory(territoryId)
      : `${activityPaths.encounters}?date=${value.date || localDate(nowMs)}`;
  // A territory removed since keeps its option so an old rencontre still shows where it was.
  const options = value.territoryId && !territoryOptions.some((o) => o.value === value.territoryId) ? [...territoryOptions, { value: value.territoryId, label: 'Territoire supprimé' }] : territoryOptions;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkEncounter(value, nowMs);
    setAlert(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if (id) await writer.update('encounter', id, checked.fields);
      else await writer.create('encounter', checked.fields);
      clearDraft();
      setFlash(id ? 'Rencontre modifiée.' : 'Rencontre enregistrée.');
      navigate(personId || territoryId ? back : `${activityPaths.encounters}?date=${localDate(Date.parse(checked.fields.date))}`);
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
      await writer.remove('encounter', id);
      clearDraft();
      setFlash('Rencontre mise à la corbeille.');
      navigate(back);
    } catch (error) {
      setAlert(saveFailure(error).message);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow">
      <ScreenTitle>{id ? 'Modifier la rencontre' : 'Nouvelle rencontre'}</ScreenTitle>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        <WhenFields value={value} onValue={(when) => set(when)} nowMs={nowMs} errors={errors} />
        <TeamSelect teams={teams} value={value.teamId} onValue={(teamId) => set({ teamId })} error={errors.teamId} />
        <PersonPicker label="Personnes rencontrées" hint="Au moins une personne." value={value.personIds} onValue={(personIds) => set({ personIds })} names={names} error={errors.personIds} />
        {settings.modules.territories ? (
          <SelectField label="Territoire (facultatif)" value={value.territoryId} onValue={(territoryId) => set({ territoryId })} options={options} error={errors.territoryId} />
        ) : null}
        <TextAreaField label="Commentaire" value={value.comment} onValue={(comment) => set({ comment })} error={errors.comment} maxLength={COMMENT_MAX} />
        <div className="actions">
          <SubmitButton busy={busy}>Enregistrer la rencontre</SubmitButton>
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
