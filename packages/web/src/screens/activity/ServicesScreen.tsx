// Service counters per day and team (cafés, douches, kits…).
import { useState } from 'react';
import { ScreenTitle } from '../../ui/ScreenTitle.tsx';
import { DayPicker, TeamSelect, useTeam } from './controls.tsx';
import { queryDate } from './paths.ts';
import { ServiceCounters } from './ServiceCounters.tsx';
import { localDate } from '../../ui/dates.ts';

export function ServicesScreen() {
  const { teamId, setTeamId, teams } = useTeam();
  const [date, setDate] = useState(() => queryDate('date') || localDate(Date.now()));
  return (
    <main id="main">
      <ScreenTitle>Services</ScreenTitle>
      <div className="filters">
        <TeamSelect teams={teams} value={teamId} onValue={setTeamId} />
        <DayPicker value={date} onValue={setDate} />
      </div>
      <ServiceCounters key={`${teamId}-${date}`} teamId={teamId} date={date} />
    </main>
  );
}
