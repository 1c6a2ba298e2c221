import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fromBase64 } from '@relais/core/base64';
import type { Member, MembersResponse, Role, Team } from '@relais/core/protocol';
import { DEFAULT_TIME_ZONE } from '@relais/core/domain/calendar';
import { errorMessage } from '../api/errors.ts';
import { useController, useWorkspace } from '../app/context.ts';
import { loadPrimitives } from '../crypto/sodium.ts';
import { kindsFor, sealKeysFor } from '../session/keys.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/fields.tsx';
import { FormAlert, StatusMessage, SubmitButton } from '../ui/feedback.tsx';
import { focusFirstInvalid } from '../ui/forms.ts';
import { ROLE_LABELS, ROLE_OPTIONS, STATUS_LABELS } from '../ui/labels.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { validateEmail } from '../ui/validation.ts';
import type { RotationClient } from '../rotation/client.ts';
import { RotationPanel } from '../rotation/RotationPanel.tsx';
import { rotationClientFor } from '../rotation/session.ts';

type Invitation = z.infer<typeof MembersResponse>['invitations'][number];

function InviteForm({ teams, onInvited }: { teams: Team[]; onInvited: () => void }) {
  const { api } = useController();
  const form = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [health, setHealth] = useState(false);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const [copied, setCopied] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const emailError = validateEmail(email);
    setError(emailError);
    setAlert(null);
    if (emailError) {
      requestAnimationFrame(() => focusFirstInvalid(form.current));
      return;
    }
    setBusy(true);
    try {
      const { invitation, secret } = await api.createInvitation({ email: email.trim(), role, healthProfessional: health, teamIds });
      // The secret goes in the fragment: browsers never send it to the server or write it to logs.
      setLink({ url: `${location.origin}/invitation#${invitation.id}.${secret}`, email: invitation.email });
      setCopied('');
      setEmail('');
      setHealth(false);
      setTeamIds([]);
      onInvited();
    } catch (e) {
      setAlert(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('Lien copié dans le presse-papiers.');
    } catch {
      setCopied('La copie a échoué : sélectionnez le lien et copiez-le à la main.');
    }
  };

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>Inviter un membre</h2>
      <form ref={form} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
        <FormAlert message={alert} />
        <TextField label="E-mail" type="email" value={email} onValue={setEmail} error={error} autoComplete="off" inputMode="email" />
        <SelectField label="Rôle" value={role} onValue={setRole} options={ROLE_OPTIONS} />
        <CheckboxField
          label="Professionnel de santé"
          checked={health}
          onChecked={setHealth}
          hint="Reçoit aussi la clé du dossier médical."
        />
        {teams.length > 0 ? (
          <fieldset>
            <legend>Équipes</legend>
            {teams.map((team) => (
              <CheckboxField
                key={team.id}
                label={team.name}
                checked={teamIds.includes(team.id)}
                onChecked={(on) => setTeamIds((ids) => (on ? [...ids, team.id] : ids.filter((x) => x !== team.id)))}
              />
            ))}
          </fieldset>
        ) : null}
        <SubmitButton busy={busy}>Créer l'invitation</SubmitButton>
      </form>
      {link ? (
        <div className="invitation-link">
          <TextField label="Lien d'invitation" value={link.url} onValue={() => undefined} readOnly onFocus={(e) => e.currentTarget.select()} />
          <p>
            <button type="button" className="secondary" onClick={() => void copy()}>
              Copier le lien
            </button>
          </p>
          <p className="hint">
            Transmettez ce lien à {link.email} par un moyen sûr. Il ne sera plus affiché et ne sert qu'une fois.
          </p>
        </div>
      ) : null}
      <StatusMessage>{copied}</StatusMessage>
    </section>
  );
}

/**
 * « Retirer l'accès »: a confirmation that says what follows (sessions ended, keys renewed, data
 * re-encrypted), then the revocation; the rotation starts on its own (rotation/client.ts). The
 * server refuses oneself and the last administrator: its message shows in the dialog.
 */
function RevokeMember({ member, rotation, onRevoked }: { member: Member; rotation: RotationClient; onRevoked: (message: string) => void }) {
  return (
    <p>
      <ConfirmDialog
        trigger={
          <>
            Retirer l'accès<span className="sr-only"> de {member.name}</span>
          </>
        }
        triggerClassName="danger"
        title={`Retirer l'accès de ${member.name} ?`}
        text={
          <>
            <p>{member.name} ne pourra plus se connecter ni synchroniser : ses sessions sont fermées sur tous ses appareils.</p>
            <p>
              De nouvelles clés de chiffrement sont ensuite créées pour les membres qui restent, puis les fiches sont
              rechiffrées avec elles, par lots, depuis cet appareil ; le dossier médical, lui, est rechiffré par l'appareil
              d'un professionnel de santé de l'organisation. L'application reste utilisable pendant ce temps.
            </p>
            <p>Ce que {member.name} a déjà consulté sur ses appareils ne peut pas lui être repris.</p>
          </>
        }
        confirmLabel="Retirer l'accès"
        onConfirm={async () => {
          await rotation.revoke(member.id);
          onRevoked(`L'accès de ${member.name} a été retiré. Les clés de chiffrement sont en cours de renouvellement.`);
        }}
        failure={errorMessage}
      />
    </p>
  );
}

function MemberItem({
  member,
  self,
  rotation,
  onChanged,
}: {
  member: Member;
  self: boolean;
  rotation: RotationClient;
  onChanged: (message: string) => void;
}) {
  const { api } = useController();
  const { workspace } = useWorkspace();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    run(async () => {
      if (!member.publicKey) throw new Error('member has no public key');
      const p = await loadPrimitives();
      const keys = sealKeysFor(p, workspace.keyring, fromBase64(member.publicKey), kindsFor(member.healthProfessional));
      await api.confirmMember(member.id, keys);
    }, `${member.name} a été confirmé(e) et peut maintenant lire les données.`);

  return (
    <li className="member">
      <p className="member-name">
        {member.name}
        {self ? ' (vous)' : ''}
      </p>
      <p className="member-meta">{member.email}</p>
      <p className={member.status === 'pending' ? 'member-status pending' : 'member-status'}>
        Statut : {STATUS_LABELS[member.status]}
        {member.healthProfessional ? ' · Professionnel de santé' : ''}
      </p>
      {member.status === 'pending' ? (
        <p>
          <button type="button" className="primary" onClick={() => void confirm()} aria-disabled={busy || undefined}>
            Confirmer<span className="sr-only"> {member.name}</span>
          </button>
        </p>
      ) : null}
      {self || member.status === 'revoked' ? (
        <p>Rôle : {ROLE_LABELS[member.role]}</p>
      ) : (
        <>
          <SelectField
            label={`Rôle de ${member.name}`}
            value={member.role}
            onValue={(role) => void run(() => api.updateMember(member.id, { role }), `Rôle de ${member.name} : ${ROLE_LABELS[role]}.`)}
            options={ROLE_OPTIONS}
          />
          <CheckboxField
            label={`${member.name} est professionnel de santé`}
            checked={member.healthProfessional}
            onChecked={(healthProfessional) =>
              void run(() => api.updateMember(member.id, { healthProfessional }), `${member.name} : profil mis à jour.`)
            }
          />
          <RevokeMember member={member} rotation={rotation} onRevoked={onChanged} />
        </>
      )}
      <div role="alert" className={error ? 'alert' : 'alert empty'}>
        {error}
      </div>
    </li>
  );
}

export function MembersScreen() {
  const controller = useController();
  const { session } = useWorkspace();
  const rotation = rotationClientFor(controller, session);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [teams, setTeams] = useState<Team[]>(session.me.teams);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    try {
      const [m, t] = await Promise.all([controller.api.members(), controller.api.teams()]);
      setMembers(m.members);
      setInvitations(m.invitations);
      setTeams(t.teams);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [controller]);

  useEffect(() => {
    void load();
    // A new member who accepts an invitation appears without a manual reload.
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);

  useEffect(() => {
    // A rotation left unfinished (a reload, a closed tab, a revocation by another administrator)
    // is taken up again: the server says what is due, the cursor where the pass stood.
    if (session.me.user.role === 'admin') void rotation.resume();
  }, [rotation, session.me.user.role]);

  const changed = (message: string) => {
    setStatus(message);
    void load();
  };

  const cancelInvitation = async (invitation: Invitation) => {
    try {
      await controller.api.deleteInvitation(invitation.id);
      changed(`Invitation de ${invitation.email} annulée.`);
    } catch (e) {
      setStatus(errorMessage(e));
    }
  };

  const pending = members?.filter((m) => m.status === 'pending') ?? [];
  const others = members?.filter((m) => m.status !== 'pending') ?? [];
  return (
    <main id="main">
      <ScreenTitle>Membres</ScreenTitle>
      <StatusMessage>{status}</StatusMessage>
      {loadError ? <FormAlert message={loadError} focusOnChange={false} /> : null}
      <RotationPanel client={rotation} />
      <InviteForm teams={teams} onInvited={() => void load()} />
      {members === null && !loadError ? <StatusMessage>Chargement…</StatusMessage> : null}
      {pending.length > 0 ? (
        <section aria-labelledby="pending-title" className="card">
          <h2 id="pending-title">En attente de confirmation</h2>
          <p className="hint">Confirmer un membre lui transmet les clés de chiffrement de l'organisation.</p>
          <ul className="member-list">
            {pending.map((m) => (
              <MemberItem key={m.id} member={m} self={m.id === session.me.user.id} rotation={rotation} onChanged={changed} />
            ))}
          </ul>
        </section>
      ) : null}
      {invitations.length > 0 ? (
        <section aria-labelledby="invitations-title" className="card">
          <h2 id="invitations-title">Invitations envoyées</h2>
          <ul className="member-list">
            {invitations.map((inv) => (
              <li key={inv.id} className="member">
                <p className="member-name">{inv.email}</p>
                <p className="member-meta">
                  {ROLE_LABELS[inv.role]}
                  {inv.healthProfessional ? ' · Professionnel de santé' : ''} · valable jusqu'au{' '}
                  {new Date(inv.expiresAt).toLocaleDateString('fr-FR', { timeZone: DEFAULT_TIME_ZONE })}
                </p>
                <button type="button" className="secondary small" onClick={() => void cancelInvitation(inv)}>
                  Annuler l'invitation<span className="sr-only"> de {inv.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {others.length > 0 ? (
        <section aria-labelledby="members-title" className="card">
          <h2 id="members-title">Membres de l'organisation</h2>
          <ul className="member-list">
            {others.map((m) => (
              <MemberItem key={m.id} member={m} self={m.id === session.me.user.id} rotation={rotation} onChanged={changed} />
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
