// « Journal des accès » (administrators): who synced which collections, logins, confirmations and
// role changes, newest first, from the server (the journal is never on the device). The
// organisation chooses how long it is kept.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { JournalEntry } from '@relais/core/protocol';
import { DEFAULT_TIME_ZONE } from '@relais/core/domain/calendar';
import { errorMessage } from '../../api/errors.ts';
import { useController } from '../../app/context.ts';
import { useMe, useMemberNames } from '../../data/hooks.ts';
import { SelectField } from '../../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../../ui/feedback.tsx';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { describeEntry, RETENTION_CHOICES, retentionLabel } from './journal-labels.ts';

// On the organisation's clocks, as every date of the app (decision 006).
const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: DEFAULT_TIME_ZONE });

export function JournalScreen() {
  const me = useMe();
  if (me.user.role !== 'admin') {
    return (
      <main id="main" className="narrow">
        <ScreenTitle>Journal des accès</ScreenTitle>
        <p>Seuls les administrateurs de l'organisation peuvent consulter le journal des accès.</p>
      </main>
    );
  }
  return <Journal />;
}

function Journal() {
  const { api } = useController();
  const colleagues = useMemberNames();
  // The journal needs the network anyway: the members list is as fresh as the journal itself
  // (the session's colleagues are from the last /api/me, which may predate a new member).
  const [members, setMembers] = useState<ReadonlyMap<string, string>>(new Map());
  const [entries, setEntries] = useState<JournalEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [retention, setRetention] = useState<string>('');
  const [saved, setSaved] = useState<string>('');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (before?: number) => {
      setAlert(null);
      try {
        if (before === undefined) {
          const { members: list } = await api.members();
          setMembers(new Map(list.map((m) => [m.id, m.name])));
        }
        const page = await api.journal(before);
        setEntries((previous) => (before === undefined ? page.entries : [...(previous ?? []), ...page.entries]));
        setMore(page.entries.length > 0 && page.entries.length >= 100);
        setRetention((current) => current || String(page.retentionMonths));
      } catch (error) {
        setAlert(errorMessage(error));
      }
    },
    [api],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const name = (id: string) => members.get(id) ?? colleagues.get(id) ?? 'un ancien membre';

  const saveRetention = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved('');
    try {
      const { retentionMonths } = await api.setJournalRetention(Number(retention));
      setSaved(`Le journal est désormais conservé ${retentionLabel(retentionMonths)}.`);
      await load();
    } catch (error) {
      setAlert(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="narrow journal">
      <ScreenTitle>Journal des accès</ScreenTitle>
      <p>
        Qui a reçu ou envoyé des fiches chiffrées, les connexions, les confirmations de membres et les changements de rôle. Le journal ne
        contient aucune donnée des personnes suivies ; il est consultable avec une connexion au serveur.
      </p>
      <FormAlert message={alert} />
      <form onSubmit={(e) => void saveRetention(e)} noValidate className="inline-form">
        <SelectField
          label="Durée de conservation"
          value={retention}
          onValue={setRetention}
          options={[
            ...(retention === '' ? [{ value: '', label: 'Chargement…' }] : []),
            ...RETENTION_CHOICES.map((months) => ({ value: String(months), label: retentionLabel(months) })),
          ]}
        />
        <SubmitButton busy={busy}>Enregistrer la durée</SubmitButton>
      </form>
      <StatusMessage>{saved}</StatusMessage>
      <h2>Derniers événements</h2>
      {entries === null ? <StatusMessage>Chargement…</StatusMessage> : null}
      {entries?.length === 0 ? <p>Aucun événement pour l'instant.</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="journal-list" aria-label="Événements, du plus récent au plus ancien">
          {entries.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time> — {describeEntry(entry, name)}
            </li>
          ))}
        </ol>
      ) : null}
      {more && entries ? (
        <button type="button" className="secondary" onClick={() => void load(entries.at(-1)?.id)}>
          Afficher les événements plus anciens
        </button>
      ) : null}
    </main>
  );
}
