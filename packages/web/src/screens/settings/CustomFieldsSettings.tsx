// « Champs personnalisés » of the settings screen (administrators): add a field to person files,
// observations or consultations, edit its name, type, options, group, teams and whether it is
// required or in the statistics, reorder, remove. Saved as one section of the settings record
// (decision 012), so every device applies it at its next sync without a reload. Its own form and
// draft: the lists above keep theirs, and saving here writes only this section.
import { useId, useRef, useState, type FormEvent } from 'react';
import {
  CHOICE_TYPES,
  CUSTOM_FIELD_TARGET_LABELS,
  CUSTOM_FIELD_TARGETS,
  CUSTOM_FIELD_TYPE_LABELS,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinitions,
  type CustomFieldTarget,
} from '@relais/core/domain/custom-fields';
import { uuidv7 } from '@relais/core/uuid';
import { random } from '../../crypto/sodium.ts';
import { useDraft, useSettings, useTeams, useWriter } from '../../data/hooks.ts';
import { systemClock } from '../../session/clock.ts';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { CheckboxGroup } from '../persons/CheckboxGroup.tsx';
import {
  checkDefinitions,
  inputsOf,
  move,
  newDefinitionInput,
  remove,
  removedOptionLabels,
  restore,
  toDefinitionInputs,
  typeChanged,
  update,
  type DefinitionErrors,
  type DefinitionInput,
} from './custom-fields-settings.ts';
import '../custom-fields/custom-fields.css';

const DRAFT_KEY = 'settings.customFields';

const TARGET_NOTES: Partial<Record<CustomFieldTarget, string>> = {
  personMedical:
    'Ces champs relèvent du dossier médical : leurs valeurs sont chiffrées avec la clé médicale et visibles des seuls professionnels de santé, dans la section « Dossier médical » du dossier de la personne.',
  consultation: 'Ces champs sont proposés dans les consultations du type choisi, dans le dossier médical.',
};

const TYPE_OPTIONS = CUSTOM_FIELD_TYPES.map((value) => ({ value, label: CUSTOM_FIELD_TYPE_LABELS[value] }));

export function CustomFieldsSettings() {
  const settings = useSettings();
  const teams = useTeams();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<DefinitionInput[] | null>(DRAFT_KEY, null);
  const [errors, setErrors] = useState<DefinitionErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const stored = settings.customFieldDefinitions;
  const inputs = draft ?? toDefinitionInputs(stored);

  const edit = (next: DefinitionInput[], touchedId?: string) => {
    setDraft(next);
    setSaved(false);
    if (touchedId) setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !key.startsWith(`${touchedId}.`))));
  };

  const add = (target: CustomFieldTarget) => {
    const id = uuidv7(systemClock, random);
    edit([...inputs, newDefinitionInput(id, target)]);
    setAdded(id);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!draft) {
      setSaved(true);
      return;
    }
    const checked = checkDefinitions(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setAlert('Certains champs personnalisés sont à corriger.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      const { createdAt: _c, createdBy: _cb, deletedAt: _d, deletedBy: _db, ...current } = settings;
      // One settings record per organisation: writing it again stores only what changed, this section.
      const id = await writer.derivedId('settings');
      await writer.create('settings', { ...current, customFieldDefinitions: checked.definitions }, id);
      clearDraft();
      setErrors({});
      setAdded(null);
      setSaved(true);
    } catch (error) {
      setAlert(saveFailure(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="settings-custom-fields" className="custom-fields-settings">
      <h2 id="settings-custom-fields">Champs personnalisés</h2>
      <p>
        Des champs que votre organisation ajoute aux dossiers des personnes, aux observations et aux consultations. Modifier ou retirer un champ
        ne supprime jamais les valeurs déjà saisies : elles restent lisibles dans les fiches.
      </p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        {draft ? <p className="hint">Des modifications non enregistrées sont gardées en brouillon sur cet appareil.</p> : null}
        {CUSTOM_FIELD_TARGETS.map((target) => {
          const list = inputsOf(inputs, target);
          return (
            <section key={target} aria-labelledby={`custom-fields-${target}`}>
              <h3 id={`custom-fields-${target}`}>{CUSTOM_FIELD_TARGET_LABELS[target]}</h3>
              {TARGET_NOTES[target] ? <p className="hint">{TARGET_NOTES[target]}</p> : null}
              {list.length === 0 ? <p className="hint">Aucun champ pour l'instant.</p> : null}
              <ol className="custom-field-list">
                {list.map((input, index) => (
                  <li key={input.id}>
                    <DefinitionEditor
                      input={input}
                      position={index}
                      count={list.length}
                      saved={stored}
                      errors={errors}
                      teams={teams}
                      open={input.id === added || Object.keys(errors).some((k) => k.startsWith(`${input.id}.`))}
                      onChange={(patch) => edit(update(inputs, input.id, patch), input.id)}
                      onMove={(direction) => edit(move(inputs, input.id, direction))}
                      onRemove={() => edit(remove(inputs, input.id, stored), input.id)}
                      onRestore={() => edit(restore(inputs, input.id))}
                    />
                  </li>
                ))}
              </ol>
              <button type="button" className="secondary" onClick={() => add(target)}>
                Ajouter un champ<span className="sr-only"> : {CUSTOM_FIELD_TARGET_LABELS[target]}</span>
              </button>
            </section>
          );
        })}
        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Enregistrement…">
            Enregistrer les champs personnalisés
          </SubmitButton>
          {draft ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                clearDraft();
                setErrors({});
                setAlert(null);
                setAdded(null);
              }}
            >
              Annuler les modifications des champs
            </button>
          ) : null}
        </div>
        <StatusMessage>{saved ? 'Champs personnalisés enregistrés. Ils seront appliqués sur tous les appareils à leur prochaine synchronisation.' : ''}</StatusMessage>
      </form>
    </section>
  );
}

function DefinitionEditor({
  input,
  position,
  count,
  saved,
  errors,
  teams,
  open,
  onChange,
  onMove,
  onRemove,
  onRestore,
}: {
  input: DefinitionInput;
  position: number;
  count: number;
  saved: CustomFieldDefinitions;
  errors: DefinitionErrors;
  teams: readonly { id: string; name: string }[];
  open: boolean;
  onChange: (patch: Partial<DefinitionInput>) => void;
  onMove: (direction: -1 | 1) => void;
  onRemove: () => void;
  onRestore: () => void;
}) {
  const id = useId();
  const name = input.label.trim() || 'Nouveau champ';
  const error = (field: string) => errors[`${input.id}.${field}`];
  const removedOptions = removedOptionLabels(saved, input);
  const teamOptions = [
    ...teams.map((t) => ({ value: t.id, label: t.name })),
    ...input.enabledTeamIds.filter((t) => !teams.some((team) => team.id === t)).map((value) => ({ value, label: 'Équipe supprimée ou inconnue' })),
  ];
  const summary = [CUSTOM_FIELD_TYPE_LABELS[input.type], input.required ? 'obligatoire' : '', input.removed ? 'retiré' : ''].filter(Boolean).join(', ');
  return (
    <details className={input.removed ? 'custom-field removed' : 'custom-field'} open={open || undefined}>
      <summary>
        <span className="custom-field-name">{name}</span> <span className="hint">({summary})</span>
      </summary>
      {input.removed ? (
        <p className="hint">Ce champ est retiré : il n'est plus proposé dans les formulaires, les valeurs déjà saisies restent lisibles.</p>
      ) : null}
      <TextField label="Nom du champ" value={input.label} onValue={(label) => onChange({ label })} error={error('label')} maxLength={200} autoComplete="off" />
      <SelectField
        label="Type"
        value={input.type}
        onValue={(type) => onChange({ type })}
        options={TYPE_OPTIONS}
        error={error('type')}
        hint={typeChanged(saved, input) ? 'Les valeurs déjà saisies sont gardées telles quelles et restent lisibles ; elles changent quand quelqu’un les modifie.' : undefined}
      />
      {CHOICE_TYPES.includes(input.type) ? (
        <TextAreaField
          label="Options"
          value={input.options}
          onValue={(options) => onChange({ options })}
          error={error('options')}
          hint={`Une option par ligne.${removedOptions.length > 0 ? ` Retirées de la liste : ${removedOptions.join(', ')}. Les fiches qui les portent les gardent.` : ''}`}
          maxLength={20_000}
          rows={4}
        />
      ) : null}
      {input.target === 'consultation' ? (
        <TextField
          label="Type de consultation"
          value={input.consultationType}
          onValue={(consultationType) => onChange({ consultationType })}
          error={error('consultationType')}
          hint="Laissez vide pour l’ajouter à tous les types de consultation."
          maxLength={200}
          autoComplete="off"
        />
      ) : null}
      <TextField
        label="Groupe"
        value={input.group}
        onValue={(group) => onChange({ group })}
        error={error('group')}
        hint="Les champs d’un même groupe s’affichent ensemble, sous ce titre. Facultatif."
        maxLength={200}
        autoComplete="off"
      />
      <CheckboxField label="Obligatoire" checked={input.required} onChecked={(required) => onChange({ required })} />
      <CheckboxField label="Visible dans les statistiques" checked={input.inStats} onChecked={(inStats) => onChange({ inStats })} />
      <CheckboxGroup
        legend="Activé pour les équipes"
        options={teamOptions}
        selected={input.enabledTeamIds}
        onChange={(enabledTeamIds) => onChange({ enabledTeamIds })}
        error={error('enabledTeamIds')}
        hint="Aucune case cochée : toutes les équipes."
        empty="L'organisation n'a pas encore d'équipe : le champ est proposé à tous."
      />
      <div className="custom-field-actions" role="group" aria-labelledby={`${id}-actions`}>
        <span id={`${id}-actions`} className="sr-only">{`Actions sur le champ ${name}`}</span>
        {/* aria-disabled, not disabled: the button pressed keeps the focus when its field reaches an end. */}
        <button type="button" className="secondary small" onClick={() => position > 0 && onMove(-1)} aria-disabled={position === 0 || undefined}>
          Monter<span className="sr-only"> {name}</span>
        </button>
        <button type="button" className="secondary small" onClick={() => position < count - 1 && onMove(1)} aria-disabled={position === count - 1 || undefined}>
          Descendre<span className="sr-only"> {name}</span>
        </button>
        {input.removed ? (
          <button type="button" className="secondary small" onClick={onRestore}>
            Rétablir<span className="sr-only"> le champ {name}</span>
          </button>
        ) : (
          <button type="button" className="secondary small danger" onClick={onRemove}>
            Retirer<span className="sr-only"> le champ {name}</span>
          </button>
        )}
      </div>
    </details>
  );
}
