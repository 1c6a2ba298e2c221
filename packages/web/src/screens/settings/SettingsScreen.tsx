// « Paramètres de l'organisation » (administrators): the lists the field screens offer (action
// categories in groups, services, motifs de sortie, territory types), the night teams and the
// modules in use. Saved as the organisation's one settings record, encrypted and synced like any
// other: every device applies a change at its next sync, without a reload. Removing a label never
// touches the records that hold it (forms keep offering it there, see optionsWithCurrent).
import { useRef, useState, type FormEvent } from 'react';
import { MODULE_LABELS, type Modules } from '@relais/core/domain/settings';
import { useMe, useSettings, useTeams, useDraft, useWriter } from '../../data/hooks.ts';
import { CheckboxField, TextAreaField, TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { CustomFieldsSettings } from './CustomFieldsSettings.tsx';
import { ConsultationTypesSettings } from './ConsultationTypesSettings.tsx';
import { checkSettings, removedLabels, toInput, withDraft, type SettingsDraft, type SettingsErrors, type SettingsInput } from './settings-form.ts';

const DRAFT_KEY = 'settings.organisation';
const LIST_MAX = 20_000;
const MODULES = Object.keys(MODULE_LABELS) as (keyof Modules)[];

export function SettingsScreen() {
  const me = useMe();
  if (me.user.role !== 'admin') {
    return (
      <main id="main" className="narrow">
        <ScreenTitle>Paramètres de l'organisation</ScreenTitle>
        <p>Seuls les administrateurs de l'organisation peuvent modifier ses paramètres.</p>
      </main>
    );
  }
  return <SettingsForm />;
}

function SettingsForm() {
  const settings = useSettings();
  const teams = useTeams();
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft, clearDraft] = useDraft<SettingsDraft | null>(DRAFT_KEY, null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const base = toInput(settings);
  const value = withDraft(base, draft);
  const set = <K extends keyof SettingsInput>(section: K, next: SettingsInput[K]) => {
    setDraft({ ...(draft ?? {}), [section]: next });
    setSaved(false);
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => key !== section && !key.startsWith(`${section}.`))));
  };
  const setGroup = (index: number, patch: Partial<SettingsInput['groups'][number]>) =>
    set(
      'groups',
      value.groups.map((g, i) => (i === index ? { ...g, ...patch } : g)),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    if (!draft) {
      setSaved(true);
      return;
    }
    const { createdAt: _c, createdBy: _cb, deletedAt: _d, deletedBy: _db, ...current } = settings;
    const checked = checkSettings(current, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setAlert('Certains paramètres sont à corriger.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      // One settings record per organisation (derived id): creating it again writes what changed.
      const id = await writer.derivedId('settings');
      await writer.create('settings', checked.fields, id);
      clearDraft();
      setErrors({});
      setSaved(true);
    } catch (error) {
      const failure = saveFailure(error);
      setAlert(failure.message);
    } finally {
      setBusy(false);
    }
  };

  const listHint = (before: readonly string[], text: string) => {
    const removed = removedLabels(before, text);
    return (
      <>
        Un libellé par ligne.
        {removed.length > 0 ? ` Retirés de la liste : ${removed.join(', ')}. Les fiches qui les portent les gardent.` : null}
      </>
    );
  };

  return (
    <main id="main" className="narrow settings">
      <ScreenTitle>Paramètres de l'organisation</ScreenTitle>
      <p>Ces listes et ces modules s'appliquent à tous les membres, sur tous les appareils, dès leur prochaine synchronisation.</p>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        {draft ? <p className="hint">Des modifications non enregistrées sont gardées en brouillon sur cet appareil.</p> : null}

        <section aria-labelledby="settings-modules">
          <h2 id="settings-modules">Modules</h2>
          <fieldset>
            <legend>Modules utilisés par l'organisation</legend>
            {MODULES.map((module) => (
              <CheckboxField
                key={module}
                label={MODULE_LABELS[module]}
                checked={value.modules[module]}
                onChecked={(checked) => set('modules', { ...value.modules, [module]: checked })}
              />
            ))}
          </fieldset>
        </section>

        <section aria-labelledby="settings-categories">
          <h2 id="settings-categories">Catégories d'actions</h2>
          {errors.groups ? <p className="field-error">{errors.groups}</p> : null}
          {value.groups.map((group, index) => (
            <fieldset key={index} className="settings-group">
              <legend>{`Groupe ${index + 1}${group.name.trim() ? ` : ${group.name.trim()}` : ''}`}</legend>
              <TextField
                label="Nom du groupe"
                value={group.name}
                onValue={(name) => setGroup(index, { name })}
                error={errors[`groups.${index}.name`]}
                maxLength={200}
                autoComplete="off"
              />
              <TextAreaField
                label="Catégories du groupe"
                value={group.categories}
                onValue={(categories) => setGroup(index, { categories })}
                error={errors[`groups.${index}.categories`]}
                hint={listHint(settings.actionCategoryGroups[index]?.categories ?? [], group.categories)}
                maxLength={LIST_MAX}
                rows={5}
              />
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  set(
                    'groups',
                    value.groups.filter((_, i) => i !== index),
                  )
                }
              >
                {`Retirer le groupe ${group.name.trim() || index + 1}`}
              </button>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => set('groups', [...value.groups, { name: '', categories: '' }])}>
            Ajouter un groupe de catégories
          </button>
        </section>

        <section aria-labelledby="settings-lists">
          <h2 id="settings-lists">Listes</h2>
          <TextAreaField
            label="Services"
            value={value.services}
            onValue={(text) => set('services', text)}
            error={errors.services}
            hint={listHint(settings.services, value.services)}
            maxLength={LIST_MAX}
            rows={6}
          />
          <TextAreaField
            label="Motifs de sortie de file active"
            value={value.outOfActiveListReasons}
            onValue={(text) => set('outOfActiveListReasons', text)}
            error={errors.outOfActiveListReasons}
            hint={listHint(settings.outOfActiveListReasons, value.outOfActiveListReasons)}
            maxLength={LIST_MAX}
            rows={6}
          />
          <TextAreaField
            label="Types de territoires"
            value={value.territoryTypes}
            onValue={(text) => set('territoryTypes', text)}
            error={errors.territoryTypes}
            hint={listHint(settings.territoryTypes, value.territoryTypes)}
            maxLength={LIST_MAX}
            rows={6}
          />
        </section>

        <section aria-labelledby="settings-night">
          <h2 id="settings-night">Équipes de nuit</h2>
          <fieldset>
            <legend>Équipes dont la journée va de midi à midi (comptes-rendus)</legend>
            {teams.length === 0 ? <p className="hint">L'organisation n'a pas encore d'équipe.</p> : null}
            {teams.map((team) => (
              <CheckboxField
                key={team.id}
                label={team.name}
                checked={value.nightTeamIds.includes(team.id)}
                onChecked={(checked) =>
                  set('nightTeamIds', checked ? [...value.nightTeamIds, team.id] : value.nightTeamIds.filter((id) => id !== team.id))
                }
              />
            ))}
          </fieldset>
        </section>

        <div className="actions">
          <SubmitButton busy={busy} busyLabel="Enregistrement…">
            Enregistrer les paramètres
          </SubmitButton>
          {draft ? (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                clearDraft();
                setErrors({});
                setAlert(null);
              }}
            >
              Annuler les modifications
            </button>
          ) : null}
        </div>
        <StatusMessage>{saved ? 'Paramètres enregistrés. Ils seront appliqués sur tous les appareils à leur prochaine synchronisation.' : ''}</StatusMessage>
      </form>
      <CustomFieldsSettings />
      <ConsultationTypesSettings />
    </main>
  );
}
