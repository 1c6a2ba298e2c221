// On the file of a person out of the active list: when and why they left, and the way back.
import { useState } from 'react';
import { returnToActiveList } from '@relais/core/domain/person';
import { errorMessage } from '../../api/errors.ts';
import { FormAlert, StatusMessage } from '../../ui/feedback.tsx';
import { useWriter } from './data.ts';
import { formatDateFr } from '../../ui/dates.ts';

export function ReturnToActiveList({ id, date, reasons }: { id: string; date: string; reasons: readonly string[] }) {
  const writer = useWriter();
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const back = async () => {
    setAlert(null);
    try {
      await writer.update('person', id, returnToActiveList());
      setDone('La personne est de nouveau dans la file active.');
    } catch (error) {
      setAlert(errorMessage(error));
    }
  };
  return (
    <div className="active-list-exit">
      <p>
        <strong>Sortie de la file active</strong>
        {date ? ` le ${formatDateFr(date)}` : ''}
        {reasons.length > 0 ? ` — motifs : ${reasons.join(', ')}` : ''}.
      </p>
      <FormAlert message={alert} />
      <button type="button" className="secondary" onClick={() => void back()}>
        Réintégrer dans la file active
      </button>
      <StatusMessage>{done}</StatusMessage>
    </div>
  );
}
