// The consultations of a person, newest first, and the form to write or change one. A
// consultation restricted to some members (« visible seulement par ») is not listed for the other
// health professionals: a client-side rule among holders of the medical key (decision 014).
import { useId, useMemo, useState } from 'react';
import { CONSULTATION_STATUS_LABELS, type ConsultationFields } from '@relais/core/domain/consultation';
import { readCustomValues, sortedDefinitions, displayCustomValue } from '@relais/core/domain/custom-fields';
import { vitalSignLines } from '@relais/core/domain/vital-signs';
import { useIndexGroup, useMe, useMemberNames, useRecords, useSettings } from '../../data/hooks.ts';
import { StatusMessage } from '../../ui/feedback.tsx';
import { formatNumericDateTime } from '../../ui/dates.ts';
import { ConsultationForm } from './ConsultationForm.tsx';
import { RemoveButton } from './RemoveButton.tsx';
import { visibleConsultations } from './medical-form.ts';

export function Consultations({ personId }: { personId: string }) {
  const headingId = useId();
  const me = useMe();
  const index = useIndexGroup('consultation', 'personId', personId);
  const visible = useMemo(() => (index ? visibleConsultations(index, me.user.id) : null), [index, me.user.id]);
  const ids = useMemo(() => (visible ?? []).map((c) => c.id), [visible]);
  const records = useRecords('consultation', ids);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const finish = (message: string) => {
    setEditing(null);
    setDone(message);
  };

  return (
    <section aria-labelledby={headingId} className="medical-consultations">
      <h3 id={headingId}>
        Consultations{ids.length > 0 ? <span> ({ids.length})</span> : null}
      </h3>
      <StatusMessage>{done}</StatusMessage>
      {editing === 'new' ? (
        <ConsultationForm personId={personId} onDone={finish} />
      ) : (
        <button
          type="button"
          onClick={() => {
            setDone('');
            setEditing('new');
          }}
        >
          Nouvelle consultation
        </button>
      )}
      {visible === null ? (
        <StatusMessage>Chargement des consultations…</StatusMessage>
      ) : ids.length === 0 ? (
        <p className="hint">Aucune consultation.</p>
      ) : (
        <ul className="medical-list">
          {(records ?? []).map((record) =>
            editing === record.id ? (
              <li key={record.id}>
                <ConsultationForm personId={personId} id={record.id} stored={record.fields} onDone={finish} />
              </li>
            ) : (
              <li key={record.id}>
                <ConsultationView fields={record.fields} pending={record.pending} />
                <div className="medical-actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setDone('');
                      setEditing(record.id);
                    }}
                  >
                    Modifier<span className="sr-only"> la consultation du {formatNumericDateTime(record.fields.date)}</span>
                  </button>
                  <RemoveButton collection="consultation" id={record.id} what={`la consultation du ${formatNumericDateTime(record.fields.date)}`} onRemoved={setDone} />
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function ConsultationView({ fields, pending }: { fields: ConsultationFields; pending: boolean }) {
  const members = useMemberNames();
  const { customFieldDefinitions } = useSettings();
  const values = useMemo(() => readCustomValues(fields.customFields), [fields.customFields]);
  const custom = useMemo(
    () => sortedDefinitions(customFieldDefinitions).filter((d) => d.target === 'consultation' && Object.hasOwn(values, d.id)),
    [customFieldDefinitions, values],
  );
  const lines = vitalSignLines(fields.vitalSigns);
  return (
    <>
      <p className="medical-meta">
        <strong>{fields.type}</strong>
        <span>{formatNumericDateTime(fields.date)}</span>
        <span className="badge">{CONSULTATION_STATUS_LABELS[fields.status]}</span>
        {pending ? <span className="badge">Non synchronisée</span> : null}
      </p>
      {lines.length > 0 ? (
        <ul className="medical-vitals" aria-label="Constantes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {custom.length > 0 ? (
        <dl className="person-fields">
          {custom.map((d) => (
            <div key={d.id}>
              <dt>{d.label}</dt>
              <dd>{displayCustomValue(d, values[d.id])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {fields.notes ? <p className="medical-notes">{fields.notes}</p> : null}
      {fields.visibleTo.length > 0 ? (
        <p className="hint">Visible seulement par : {fields.visibleTo.map((id) => members.get(id) ?? 'un membre').join(', ')}</p>
      ) : null}
    </>
  );
}
