import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Member, Team } from '@relais/core/protocol';
import { uuidv7 } from '@relais/core/uuid';
import { errorMessage } from '../api/errors.ts';
import { useController } from '../app/context.ts';
import { random } from '../crypto/sodium.ts';
import { systemClock } from '../session/clock.ts';
import { CheckboxField, TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid } from '../ui/forms.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

function validateTeamName(name: string): string | undefined {
  const value = name.trim();
  if (!value) return "Veuillez indiquer le nom de l'équipe.";
  if (value.length > 100) return "Le nom de l'équipe ne doit pas dépasser 100 caractères.";
  return undefined;
}

function TeamItem({ team, members, onChanged }: { team: Team; members: Member[]; onChanged: (message: string) => void }) {
  const { api } = useController();
  const renameForm = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(team.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [memberIds, setMemberIds] = useState<string[]>(team.memberIds);
  const [alert, setAlert] = useState<string | null>(null);

  // The list reloads after every change on the screen (a team created, another renamed): only a
  // different membership on the server replaces the boxes ticked here, not a new array of the same ids.
  const savedMembers = team.memberIds.join(' ');
  useEffect(() => setMemberIds(savedMembers ? savedMembers.split(' ') : []), [savedMembers]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const error = validateTeamName(name);
    setNameError(error);
    if (error) {
      requestAnimationFrame(() => focusFirstInvalid(renameForm.current));
      return;
    }
    try {
      await api.renameTeam(team.id, name.trim());
      onChanged(`Équipe renommée en « ${name.trim()} ».`);
    } catch (e) {
      setAlert(errorMessage(e));
    }
  };

  const saveMembers = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.setTeamMembers(team.id, memberIds);
      onChanged(`Membres de l'équipe ${team.name} enregistrés.`);
    } catch (e) {
      setAlert(errorMessage(e));
    }
  };

  return (
    <li className="card team">
      <h2>{team.name}</h2>
      <FormAlert message={alert} />
      <form ref={renameForm} onSubmit={(e) => void rename(e)} noValidate className="inline-form">
        <TextField label={`Renommer l'équipe ${team.name}`} value={name} onValue={setName} error={nameError} autoComplete="off" />
        <button type="submit" className="secondary">
          Renommer
        </button>
      </form>
      <form onSubmit={(e) => void saveMembers(e)}>
        <fieldset>
          <legend>Membres de l'équipe {team.name}</legend>
          {members.length === 0 ? <p className="hint">Aucun membre actif.</p> : null}
          {members.map((m) => (
            <CheckboxField
              key={m.id}
              label={m.name}
              checked={memberIds.includes(m.id)}
              onChecked={(on) => setMemberIds((ids) => (on ? [...ids, m.id] : ids.filter((x) => x !== m.id)))}
            />
          ))}
        </fieldset>
        <button type="submit" className="secondary">
          Enregistrer les membres<span className="sr-only"> de l'équipe {team.name}</span>
        </button>
      </form>
    </li>
  );
}

export function TeamsScreen() {
  const controller = useController();
  const form = useRef<HTMLFormElement>(null);
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [t, m] = await Promise.all([controller.api.teams(), controller.api.members()]);
      setTeams(t.teams);
      setMembers(m.members.filter((x) => x.status !== 'revoked'));
    } catch (e) {
      setAlert(errorMessage(e));
    }
  }, [controller]);

  useEffect(() => {
    void load();
  }, [load]);

  const changed = (message: string) => {
    setStatus(message);
    void load();
    void controller.refreshMe();
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const nameError = validateTeamName(name);
    setError(nameError);
    setAlert(null);
    if (nameError) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      await controller.api.createTeam(uuidv7(systemClock, random), name.trim());
      setName('');
      changed(`Équipe « ${name.trim()} » créée.`);
    } catch (e) {
      setAlert(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <ScreenTitle>Équipes</ScreenTitle>
      <StatusMessage>{status}</StatusMessage>
      <section className="card" aria-labelledby="new-team-title">
        <h2 id="new-team-title">Nouvelle équipe</h2>
        <form ref={form} onSubmit={(e) => void create(e)} noValidate aria-labelledby="new-team-title">
          <FormAlert message={alert} />
          <TextField label="Nom de l'équipe" value={name} onValue={setName} error={error} autoComplete="off" />
          <SubmitButton busy={busy}>Créer l'équipe</SubmitButton>
        </form>
      </section>
      {teams === null ? (
        <StatusMessage>Chargement…</StatusMessage>
      ) : teams.length === 0 ? (
        <p>Aucune équipe pour le moment.</p>
      ) : (
        <ul className="team-list" aria-label="Équipes de l'organisation">
          {teams.map((team) => (
            <TeamItem key={team.id} team={team} members={members} onChanged={changed} />
          ))}
        </ul>
      )}
    </main>
  );
}
