// A person's traitements: en cours first, then terminés, each with médicament, posologie,
// fréquence, indication and dates; a form to add or change one (draft sealed with the medical key).
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatDateFr } from '@relais/core/domain/calendar';
import type { TreatmentFields } from '@relais/core/domain/treatment';
import { useDraft, useIndexGroup, useRecords, useWriter } from '../../data/hooks.ts';
import { TextField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { focusFirstInvalid } from '../../ui/forms.ts';
import { saveFailure } from '../../ui/save-failure.ts';
import { localDate } from '../../ui/dates.ts';
import { medicalDraftKey, newTreatmentDraft, splitTreatments, treatmentDraftOf, treatmentFromDraft, type FieldErrors, type TreatmentDraft } from './medical-form.ts';
import { RemoveButton } from './RemoveButton.tsx';

export function Treatments({ personId }: { personId: string }) {
  const headingId = useId();
  const index = useIndexGroup('treatment', 'personId', personId);
  const today = localDate(Date.now());
  const split = useMemo(() => (index ? splitTreatments(index, today) : null), [index, today]);
  const ids = useMemo(() => (split ? [...split.ongoing, ...split.finished].map((t) => t.id) : []), [split]);
  const records = useRecords('treatment', ids);
  const byId = useMemo(() => new Map((records ?? []).map((r) => [r.id, r])), [records]);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setEditing(null);
    setDone(message);
  };

  const list = (title: string, items: readonly { id: string }[]) => (
    <>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="hint">Aucun.</p>
      ) : (
        <ul className="medical-list">
          {items.map(({ id }) => {
            const record = byId.get(id);
            if (!record) return null;
            const f = record.fields;
            return (
              <li key={id}>
                {editing === id ? (
                  <TreatmentForm personId={personId} id={id} stored={f} onDone={finish} />
                ) : (
                  <>
                    <p className="medical-meta">
                      <strong>{f.medication}</strong>
                      <span>
                        depuis le {formatDateFr(f.startDate)}
                        {f.endDate ? `, jusqu'au ${formatDateFr(f.endDate)}` : ''}
                      </span>
                      {record.pending ? <span className="badge">Non synchronisé</span> : null}
                    </p>
                    <dl className="person-fields">
                      {(
                        [
                          ['Posologie', f.dosage],
                          ['Fréquence', f.frequency],
                          ['Indication', f.indication],
                        ] as const
                      )
                        .filter(([, value]) => value)
                        .map(([label, value]) => (
                          <div key={label}>
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                          </div>
                        ))}
                    </dl>
                    <div className="medical-actions">
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => {
                          setDone('');
                          setEditing(id);
                        }}
                      >
                        Modifier<span className="sr-only"> le traitement {f.medication}</span>
                      </button>
                      <RemoveButton collection="treatment" id={id} what={`le traitement ${f.medication}`} onRemoved={setDone} />
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );

  return (
    <section aria-labelledby={headingId} className="medical-treatments">
      <h3 id={headingId}>Traitements</h3>
      <StatusMessage>{done}</StatusMessage>
      {editing === 'new' ? (
        <TreatmentForm personId={personId} onDone={finish} />
      ) : (
        <button
          type="button"
          onClick={() => {
            setDone('');
            setEditing('new');
          }}
        >
          Nouveau traitement
        </button>
      )}
      {split === null ? (
        <StatusMessage>Chargement des traitements…</StatusMessage>
      ) : (
        <>
          {list('En cours', split.ongoing)}
          {list('Terminés', split.finished)}
        </>
      )}
    </section>
  );
}

function TreatmentForm({ personId, id, stored, onDone }: { personId: string; id?: string; stored?: TreatmentFields; onDone: (message: string) => void }) {
  const writer = useWriter();
  const form = useRef<HTMLFormElement>(null);
  const initial = useMemo(() => (stored ? treatmentDraftOf(stored) : newTreatmentDraft(localDate(Date.now()))), [stored]);
  const [draft, setDraft, clearDraft] = useDraft<TreatmentDraft>(medicalDraftKey('treatment', personId, id ?? 'new'), initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<TreatmentDraft>) => setDraft({ ...draft, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAlert(null);
    const checked = treatmentFromDraft(draft, personId);
    if (!checked.ok) {
      setErrors(checked.errors);
      setAlert('Certains champs sont à corriger.');
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      if (id) await writer.update('treatment', id, checked.fields);
      else await writer.create('treatment', checked.fields);
      clearDraft();
      onDone(id ? 'Traitement modifié.' : 'Traitement enregistré.');
    } catch (error) {
      const failure = saveFailure(error);
      setErrors(failure.fields);
      setAlert(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-label={id ? 'Modifier le traitement' : 'Nouveau traitement'} className="medical-form">
      <FormAlert message={alert} />
      <TextField label="Médicament" value={draft.medication} onValue={(medication) => edit({ medication })} error={errors.medication} maxLength={300} required autoComplete="off" />
      <TextField label="Posologie" value={draft.dosage} onValue={(dosage) => edit({ dosage })} error={errors.dosage} maxLength={300} autoComplete="off" hint="Ex. 1 comprimé de 500 mg" />
      <TextField label="Fréquence" value={draft.frequency} onValue={(frequency) => edit({ frequency })} error={errors.frequency} maxLength={300} autoComplete="off" hint="Ex. matin et soir" />
      <TextField label="Indication" value={draft.indication} onValue={(indication) => edit({ indication })} error={errors.indication} maxLength={1000} autoComplete="off" />
      <TextField label="Début" type="date" value={draft.startDate} onValue={(startDate) => edit({ startDate })} error={errors.startDate} required />
      <TextField label="Fin" type="date" value={draft.endDate} onValue={(endDate) => edit({ endDate })} error={errors.endDate} hint="Laissez vide pour un traitement en cours." />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Enregistrement…">
          {id ? 'Enregistrer les modifications' : 'Enregistrer le traitement'}
        </SubmitButton>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            clearDraft();
            onDone('');
          }}
        >
          Annuler
        </button>
      </div>
    </form>
  );
}
