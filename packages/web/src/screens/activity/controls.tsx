// Small controls shared by the activity screens: the team choice and the day choice.
import { useEffect, useId } from 'react';
import type { Team } from '@relais/core/protocol';
import { SelectField } from '../../ui/fields.tsx';
import { useMe, useTeams } from './data.ts';
import { resolveTeam, useChosenTeam } from './team-choice.ts';
import { addDays, formatFullDay, localDate } from '../../ui/dates.ts';

/** The team chosen for this session's activity screens (defaults to the member's own team). */
export function useTeam(): { teamId: string; setTeamId: (teamId: string) => void; teams: readonly Team[] } {
  const teams = useTeams();
  const me = useMe();
  const [current, setChosenTeam] = useChosenTeam();
  const teamId = resolveTeam(teams, me.user.id, current);
  useEffect(() => {
    if (teamId !== current) setChosenTeam(teamId);
  }, [teamId, current, setChosenTeam]);
  return { teamId, setTeamId: setChosenTeam, teams };
}

export function teamName(teams: readonly Team[], teamId: string): string {
  return teams.find((t) => t.id === teamId)?.name ?? 'Équipe inconnue';
}

export function TeamSelect({
  teams,
  value,
  onValue,
  allowAll = false,
  label = 'Équipe',
  error,
}: {
  teams: readonly Team[];
  value: string;
  onValue: (teamId: string) => void;
  allowAll?: boolean;
  label?: string;
  error?: string | undefined;
}) {
  const options = [...(allowAll ? [{ value: '', label: 'Toutes les équipes' }] : []), ...teams.map((t) => ({ value: t.id, label: t.name }))];
  if (options.length === 0) return <p className="notice">Aucune équipe n'existe encore : un administrateur doit en créer une.</p>;
  return <SelectField label={label} value={value} onValue={onValue} options={options} error={error} />;
}

/** A day with « Jour précédent » / « Jour suivant » buttons; the day's name is announced. */
export function DayPicker({ value, onValue, label = 'Date' }: { value: string; onValue: (date: string) => void; label?: string }) {
  const id = useId();
  const today = localDate(Date.now());
  return (
    <div className="field day-picker">
      <label htmlFor={id}>{label}</label>
      <div className="day-picker-row">
        <button type="button" className="secondary small" onClick={() => onValue(addDays(value, -1))} aria-label="Jour précédent">
          ←
        </button>
        <input id={id} type="date" value={value} required onChange={(e) => e.target.value && onValue(e.target.value)} />
        <button type="button" className="secondary small" onClick={() => onValue(addDays(value, 1))} aria-label="Jour suivant">
          →
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {formatFullDay(value)}
        {value === today ? ' (aujourd’hui)' : ''}
        {value !== today ? (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => onValue(today)}>
              Revenir à aujourd’hui
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
