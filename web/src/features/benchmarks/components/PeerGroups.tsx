import { useId, useState, type FormEvent } from 'react';
import { ErrorPanel, Loading } from '../../../components/Status.tsx';
import { MunicipalityPicker } from '../../../components/MunicipalityPicker.tsx';
import { useT } from '../../../i18n/i18n.tsx';
import type { MunicipalityItem, PeerGroupReply } from '../../../lib/types.ts';
import { createPeerGroup, deletePeerGroup, updatePeerGroup, usePeerGroups } from '../api/benchmarks.ts';

type Member = Pick<MunicipalityItem, 'code' | 'name'>;

/** The signed-in user's own peer groups: list, create, change, remove. */
export function PeerGroups() {
  const t = useT();
  const groups = usePeerGroups(true);
  const [editing, setEditing] = useState<PeerGroupReply | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const remove = async (g: PeerGroupReply) => {
    setError(undefined);
    try {
      await deletePeerGroup(g.id);
      setStatus(t('bench.groupDeleted', { name: g.name }));
      groups.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="section card" aria-labelledby="peer-groups-h" data-testid="peer-groups">
      <h2 id="peer-groups-h">{t('bench.peerGroups')}</h2>
      <p className="muted small">{t('bench.peerGroupsText')}</p>
      {groups.error !== undefined && <ErrorPanel error={groups.error} onRetry={groups.reload} />}
      {groups.loading && !groups.data && <Loading />}
      {groups.data && groups.data.items.length > 0 && (
        <ul className="plain-list">
          {groups.data.items.map((g) => (
            <li key={g.id} data-testid="peer-group">
              <strong>{g.name}</strong>: {g.municipalities.map((m) => m.name).join(', ')}{' '}
              <button type="button" className="button secondary small" onClick={() => { setEditing(g); setFormKey((k) => k + 1); }} aria-label={t('bench.editGroup', { name: g.name })}>
                {t('common.edit')}
              </button>{' '}
              <button type="button" className="button secondary small" onClick={() => void remove(g)} aria-label={t('bench.deleteGroup', { name: g.name })}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" className="small">
        {status}
      </p>
      {error !== undefined && <ErrorPanel error={error} />}
      <GroupForm
        key={formKey}
        group={editing}
        onSaved={(g) => {
          setStatus(t('bench.groupSaved', { name: g.name }));
          setEditing(null);
          setFormKey((k) => k + 1);
          groups.reload();
        }}
        onCancel={() => {
          setEditing(null);
          setFormKey((k) => k + 1);
        }}
      />
    </section>
  );
}

function GroupForm({ group, onSaved, onCancel }: { group: PeerGroupReply | null; onSaved: (g: PeerGroupReply) => void; onCancel: () => void }) {
  const t = useT();
  const fid = useId();
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<Member[]>(group?.municipalities ?? []);
  const [picked, setPicked] = useState<MunicipalityItem | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const input = { name, municipalityCodes: members.map((m) => m.code) };
      onSaved(group ? await updatePeerGroup(group, input) : await createPeerGroup(input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${fid}-h`} data-testid="peer-group-form">
      <h3 id={`${fid}-h`}>{group ? t('bench.editGroup', { name: group.name }) : t('bench.newGroup')}</h3>
      <div className="field">
        <label htmlFor={`${fid}-name`}>{t('bench.groupName')}</label>
        <input id={`${fid}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
      </div>
      <MunicipalityPicker
        id={`${fid}-add`}
        label={t('bench.addMunicipality')}
        value={picked}
        onChange={(m) => {
          if (m && !members.some((x) => x.code === m.code)) setMembers([...members, { code: m.code, name: m.name }]);
          setPicked(null);
        }}
      />
      <ul className="chips" aria-label={t('bench.groupMembers')}>
        {members.map((m) => (
          <li key={m.code} className="chip">
            {m.name}
            <button type="button" className="icon-button" aria-label={t('bench.removeMember', { name: m.name })} onClick={() => setMembers(members.filter((x) => x.code !== m.code))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {error !== undefined && <ErrorPanel error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || members.length === 0 || !name.trim()}>
          {group ? t('common.save') : t('bench.saveGroup')}
        </button>
        {group && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
