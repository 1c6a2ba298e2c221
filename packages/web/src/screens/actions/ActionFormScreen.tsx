// /actions/nouvelle (?personne=<id> to link a person at once), /actions/:id/modifier and
// /actions/serie/:seriesId/:date/modifier. What is typed is kept as a draft (navigation, reload,
// lock) until saved or abandoned. An occurrence of a series asks whether the change is for it
// alone or for it and the following ones.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { actionForm, newActionForm, withStatus, type ActionFormValue, type FormErrors } from './action-form.ts';
import { useActionCommands } from './commands.ts';
import { useDraft, useIndex, useMe, useSettings, useTeams, useWriter, type ActionSeriesFields } from './data.ts';
import { formatLongDate, nowIso, localDate } from '../../ui/dates.ts';
import { failureMessage, fieldErrorsOf, focusFirstError } from './errors.ts';
import { setFlash } from '../../ui/flash.ts';
import { ACTION_LABELS, DESCRIPTION_MAX, STATUS_OPTIONS, TITLE_MAX } from './labels.ts';
import { useLoadedAction, useLoadedOccurrence, type LoadedAction } from './load.ts';
import { actionPaths, type ActionTarget } from './paths.ts';
import { CategoryPicker, PersonPicker, TeamPicker } from './pickers.tsx';
import { RecurrenceFields } from './RecurrenceFields.tsx';
import { recurrenceInPlay, saveAction, type Editing } from './save-action.ts';
import { defaultTeamId } from './teams.ts';
import { usePersonNames } from './useAgendaData.ts';
import { describeRecurrence } from './recurrence-form.ts';

export function ActionFormScreen({ target }: { target: ActionTarget }) {
  if (target.kind === 'new') return <NewAction />;
  if (target.kind === 'action') return <EditAction id={target.id} />;
  return <EditOccurrence seriesId={target.seriesId} date={target.date} />;
}

function NewAction() {
  const location = useLocation();
  const me = useMe();
  const teams = useTeams();
  const personId = new URLSearchParams(new URL(location, 'http://x').search).get('personne') ?? '';
  const validPerson = /^[0-9a-f-]{36}$/.test(personId) ? personId : '';
  const initial = useMemo(() => newActionForm(localDate(Date.now()), defaultTeamId(teams, me.user.id), validPerson), [teams, me, validPerson]);
  return <ActionForm editing={null} initial={initial} draftKey={`action:new:${validPerson}`} cancelHref={validPerson ? actionPaths.person(validPerson) : actionPaths.list} />;
}

function EditAction({ id }: { id: string }) {
  return <Loaded loaded={useLoadedAction(id)} editHref={actionPaths.edit} />;
}

function EditOccurrence({ seriesId, date }: { seriesId: string; date: string }) {
  return <Loaded loaded={useLoadedOccurrence(seriesId, date)} editHref={actionPaths.edit} />;
}

function Loaded({ loaded, editHref }: { loaded: LoadedAction; editHref: (id: string) => string }) {
  useEffect(() => {
    if (loaded.status === 'recorded') navigate(editHref(loaded.id), { replace: true });
  }, [loaded, editHref]);
  if (loaded.status === 'loading' || loaded.status === 'recorded') {
    return (
      <main id="main" className="narrow">
        <StatusMessage>Chargement…</StatusMessage>
      </main>
    );
  }
  if (loaded.status === 'missing') return <ActionMissing inTrash={loaded.inTrash} />;
  const editing: Editing = { id: loaded.id, fields: loaded.fields, seriesId: loaded.seriesId, series: loaded.series, occurrenceDate: loaded.occurrenceDate };
  const key = loaded.id ?? `${loaded.seriesId}/${loaded.occurrenceDate}`;
  return (
    <ActionForm
      editing={editing}
      initial={actionForm(loaded.fields, loaded.series)}
      draftKey={`action:edit:${key}`}
      cancelHref={loaded.id ? actionPaths.action(loaded.id) : actionPaths.occurrence(loaded.seriesId, loaded.occurrenceDate)}
    />
  );
}

export function ActionMissing({ inTrash }: { inTrash: boolean }) {
  return (
    <main id="main" className="narrow">
      <ScreenTitle>Action introuvable</ScreenTitle>
      <p>
        {inTrash
          ? 'Cette action est dans la corbeille. Vous pouvez la restaurer depuis la corbeille.'
          : "Cette action n'existe pas sur cet appareil. Elle apparaîtra après la prochaine synchronisation si elle a été créée ailleurs."}
      </p>
      <p>
        <Link href={actionPaths.list}>Retour aux actions</Link>
      </p>
    </main>
  );
}

function ActionForm({ editing, initial, draftKey, cancelHref }: { editing: Editing | null; initial: ActionFormValue; draftKey: string; cancelHref: string }) {
  const writer = useWriter();
  const commands = useActionCommands();
  const teams = useTeams();
  const settings = useSettings();
  const names = usePersonNames();
  const recorded = useIndex('action');
  const form = useRef<HTMLFormElement>(null);
  const [value, setValue, clearDraft] = useDraft<ActionFormValue>(draftKey, initial);
  const [restored] = useState(() => JSON.stringify(value) !== JSON.stringify(initial));
  const [errors, setErrors] = useState<FormErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const isSeries = editing?.series != null;
  const recurring = recurrenceInPlay(editing, value);
  const newSeries = editing === null && value.recurrence.kind !== 'none';
  const showStatus = !newSeries && !(isSeries && value.scope === 'following');
  const set = (patch: Partial<ActionFormValue>) => setValue({ ...value, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    setBusy(true);
    try {
      const deps = {
        writer,
        occurrenceId: (seriesId: string, date: string) => commands.occurrenceId(seriesId, date),
        nowIso: () => nowIso(),
      };
      const result = await saveAction(deps, editing, value, recorded ?? []);
      if (!result.ok) {
        setErrors(result.errors);
        if (result.errors['']) setAlert(result.errors['']);
        focusFirstError(form.current);
        setBusy(false);
        return;
      }
      clearDraft();
      setFlash(result.message);
      navigate(result.href, { replace: editing === null });
    } catch (error) {
      const byField = fieldErrorsOf(error);
      if (byField) {
        setErrors(byField);
        focusFirstError(form.current);
      }
      if (!byField || byField['']) setAlert(failureMessage(error));
      setBusy(false);
    }
  };

  const abandon = () => {
    clearDraft();
    navigate(cancelHref);
  };

  const title = editing === null ? 'Nouvelle action' : isSeries ? 'Modifier une action récurrente' : "Modifier l'action";
  return (
    <main id="main" className="narrow ac-action-form">
      <p className="breadcrumb">
        <Link href={cancelHref}>← Retour</Link>
      </p>
      <ScreenTitle>{title}</ScreenTitle>
      {restored ? (
        <div className="notice ac-draft-notice">
          <p>Un brouillon non enregistré a été restauré.</p>
          <button type="button" className="secondary small" onClick={() => setValue(initial)}>
            Repartir de {editing === null ? 'zéro' : 'la fiche enregistrée'}
          </button>
        </div>
      ) : null}
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        {isSeries && editing ? <ScopeChoice editing={editing} series={editing.series!} value={value.scope} onChange={(scope) => set({ scope })} /> : null}
        <TextField label={ACTION_LABELS.title} value={value.title} onValue={(t) => set({ title: t })} error={errors.title} hint="Obligatoire." maxLength={TITLE_MAX} autoComplete="off" />
        <TextAreaField label={ACTION_LABELS.description} value={value.description} onValue={(d) => set({ description: d })} error={errors.description} maxLength={DESCRIPTION_MAX} rows={3} />
        {showStatus ? (
          <>
            <SelectField label={ACTION_LABELS.status} value={value.status} onValue={(s) => setValue(withStatus(value, s, nowIso()))} error={errors.status} options={STATUS_OPTIONS} />
            {value.status !== 'todo' ? (
              <div className="ac-form-row">
                <TextField label={ACTION_LABELS.completedAt} type="date" value={value.completedDate} onValue={(d) => set({ completedDate: d })} error={errors.completedDate} hint="Remplie automatiquement, modifiable." />
                <TextField label="Heure de réalisation" type="time" value={value.completedTime} onValue={(t) => set({ completedTime: t })} />
              </div>
            ) : null}
          </>
        ) : null}
        <TextField
          label={newSeries || (isSeries && value.scope === 'following') ? 'Échéance (première de la série)' : ACTION_LABELS.dueDate}
          type="date"
          value={value.dueDate}
          onValue={(d) => set({ dueDate: d })}
          error={errors.dueDate}
          hint="Obligatoire."
        />
        <CheckboxField label="Avec une heure" checked={value.withTime} onChecked={(withTime) => set({ withTime })} />
        {value.withTime ? <TextField label={ACTION_LABELS.dueTime} type="time" value={value.dueTime} onValue={(t) => set({ dueTime: t })} error={errors.dueTime} /> : null}
        <CheckboxField label={ACTION_LABELS.urgent} checked={value.urgent} onChecked={(urgent) => set({ urgent })} hint="Affichée en tête des listes, avec la mention « Urgent »." />
        {recurring ? <RecurrenceFields value={value.recurrence} onChange={(recurrence) => set({ recurrence })} startDate={value.dueDate} errors={errors} /> : null}
        <CategoryPicker groups={settings.actionCategoryGroups} value={value.categories} onChange={(categories) => set({ categories })} error={errors.categories} />
        <PersonPicker value={value.personIds} onChange={(personIds) => set({ personIds })} names={names} error={errors.personIds} />
        <TeamPicker teams={teams} value={value.teamIds} onChange={(teamIds) => set({ teamIds })} error={errors.teamIds} />
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Enregistrement…">
            Enregistrer
          </SubmitButton>
          <button type="button" className="secondary" onClick={abandon}>
            Annuler
          </button>
        </div>
        <p className="hint">Enregistré d'abord sur cet appareil, chiffré, puis envoyé au serveur dès que le réseau le permet. Ce que vous tapez est gardé en brouillon jusque-là.</p>
      </form>
    </main>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function ScopeChoice({ editing, series, value, onChange }: { editing: Editing; series: ActionSeriesFields; value: 'one' | 'following'; onChange: (scope: 'one' | 'following') => void }) {
  return (
    <fieldset className="ac-scope">
      <legend>Modifier</legend>
      <p className="hint">
        Occurrence du {formatLongDate(editing.occurrenceDate)} d'une action récurrente ({lowerFirst(describeRecurrence(series.rrule, series.until))}).
      </p>
      <div className="field checkbox">
        <input type="radio" id="scope-one" name="scope" checked={value === 'one'} onChange={() => onChange('one')} />
        <label htmlFor="scope-one">Cette occurrence seulement</label>
      </div>
      <div className="field checkbox">
        <input type="radio" id="scope-following" name="scope" checked={value === 'following'} onChange={() => onChange('following')} />
        <label htmlFor="scope-following">Cette occurrence et les suivantes</label>
      </div>
    </fieldset>
  );
}
