/**
 * The evidence register of an evaluation and its uploaded files. Files: size and type judged by
 * content (src/domain/evidence.ts), stored under generated names in the data directory (file store),
 * served only to those the policy admits. Evidence items: governing documents, website and
 * social-media observations, interview notes, each linked to the subareas it supports.
 * The audit trail records what kind of item was added, changed or removed, never its text.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Repositories } from '../repositories/index.ts';
import type { Viewer } from '../domain/access.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { ALLOWED_FILE_LABELS, FILE_KINDS, MAX_EVIDENCE_FILE_BYTES, displayFileName, sniffFileKind } from '../domain/evidence.ts';
import { canDownloadFile, canEditEvidence, canUploadFile, canViewEvidence, type FilePurpose } from '../policies/evidence.policy.ts';
import type { EvidenceKind, EvidenceRow, FileMeta } from '../repositories/evidence.repository.ts';
import type { FileStore } from '../repositories/file-store.ts';
import type { AuditService } from './audit.service.ts';
import { createConductContext } from './conduct-context.ts';
import type { FrameworkService } from './framework.service.ts';

export interface EvidenceFileView {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  purpose: FilePurpose;
  uploadedBy: string;
  createdAt: string;
}

export interface EvidenceItemView {
  id: string;
  kind: EvidenceKind;
  title: string;
  decisionBody: string;
  decidedOn: string | null;
  url: string | null;
  file: EvidenceFileView | null;
  sessionId: string | null;
  note: string;
  subareaIds: string[];
  createdBy: string;
  updatedAt: string;
  /** Optimistic concurrency: an edit or removal names the version it saw (409 when it is stale). */
  version: number;
}

export interface EvidenceInput {
  kind: EvidenceKind;
  title: string;
  decisionBody?: string | undefined;
  decidedOn?: string | null | undefined;
  url?: string | null | undefined;
  fileId?: string | null | undefined;
  sessionId?: string | null | undefined;
  note?: string | undefined;
  subareaIds: string[];
}

/** Counts for the stage and completeness checks. */
export interface EvidenceFacts {
  documents: number;
  observations: number;
  interviewNotes: number;
  files: number;
  /** Subarea id → number of items supporting it. */
  bySubarea: Record<string, number>;
}

export const fileView = (f: FileMeta): EvidenceFileView => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size, purpose: f.purpose, uploadedBy: f.uploadedBy, createdAt: f.createdAt });

export function createEvidenceService(deps: { db: Db; frameworks: FrameworkService; audit: AuditService; files: FileStore; repositories: Pick<Repositories, 'evidence' | 'questionnaires' | 'interviews' | 'evaluations' | 'assignments'> }) {
  const { db, frameworks, audit, files } = deps;
  const { evidence: repo, questionnaires, interviews } = deps.repositories;
  const ctx = createConductContext(deps.repositories);

  const itemView = (r: EvidenceRow, byId: ReadonlyMap<string, FileMeta>): EvidenceItemView => {
    const f = r.fileId ? byId.get(r.fileId) : undefined;
    return { id: r.id, kind: r.kind, title: r.title, decisionBody: r.decisionBody, decidedOn: r.decidedOn, url: r.url, file: f ? fileView(f) : null, sessionId: r.sessionId, note: r.note, subareaIds: r.subareaIds, createdBy: r.createdBy, updatedAt: r.updatedAt, version: r.version };
  };

  const viewsOf = async (id: string, rows: readonly EvidenceRow[]): Promise<EvidenceItemView[]> => {
    const byId = new Map((await repo.files(id)).map((f) => [f.id, f]));
    return rows.map((r) => itemView(r, byId));
  };

  const mustView = async (id: string, viewer: Viewer) => {
    const loaded = await ctx.load(id, viewer);
    ctx.authorize(canViewEvidence(viewer, loaded.assignment), viewer, loaded.row);
    return loaded;
  };

  const mustEdit = async (id: string, viewer: Viewer) => {
    const loaded = await ctx.load(id, viewer);
    ctx.authorize(canEditEvidence(viewer, loaded.assignment, loaded.row), viewer, loaded.row);
    return loaded;
  };

  /** What the audit trail keeps of an item: its kind, subareas, whether it has a file and its version, never its text. */
  const auditOf = (r: EvidenceRow) => ({ evidence: r.id, kind: r.kind, subareas: r.subareaIds, file: r.fileId !== null, version: r.version });

  /** The 409 for a stale edit, with the current item (read after the refused transaction). */
  const stale = async (current: EvidenceRow): Promise<DomainError> =>
    new DomainError('conflict', `Underlaget "${current.title}" har ändrats sedan du öppnade det (aktuell version ${current.version}). Ladda om och gör om ändringen.`, [], { currentVersion: current.version, current: (await viewsOf(current.evaluationId, [current]))[0] });

  /** The stored values of an item, after checking its subareas, file and session belong to this evaluation. */
  const valuesOf = async (id: string, frameworkId: string, input: EvidenceInput) => {
    const fw = await frameworks.getFramework({ id: frameworkId });
    const known = new Set(fw.areas.flatMap((a) => a.subareas.map((s) => s.id)));
    const subareaIds = [...new Set(input.subareaIds)];
    const unknown = subareaIds.filter((s) => !known.has(s));
    if (unknown.length) throw new DomainError('validation', `Delområde ${unknown.join(', ')} finns inte i ${fw.name}.`, unknown.map((s) => ({ path: 'subareaIds', message: `Delområde ${s} finns inte.` })));
    const title = input.title.trim();
    if (!title) throw new DomainError('validation', 'Ange en titel för underlaget.', [{ path: 'title', message: 'Titel saknas.' }]);
    const fileId = input.fileId ?? null;
    if (fileId && !(await repo.file(id, fileId))) throw new DomainError('validation', `Filen ${fileId} finns inte bland utvärderingens uppladdade filer.`);
    const sessionId = input.sessionId ?? null;
    if (sessionId && !(await interviews.sessions(id)).some((s) => s.id === sessionId)) throw new DomainError('validation', `Intervjupasset ${sessionId} finns inte i utvärderingens intervjuplan.`);
    if (sessionId && input.kind !== 'interview') throw new DomainError('validation', 'Bara intervjuanteckningar kan kopplas till ett intervjupass.');
    return { kind: input.kind, title, decisionBody: (input.decisionBody ?? '').trim(), decidedOn: input.decidedOn ?? null, url: input.url?.trim() || null, fileId, sessionId, note: (input.note ?? '').trim(), subareaIds };
  };

  return {
    /**
     * Stores an upload for the questionnaire (the municipality's attachments) or the evidence register.
     * Refused before anything is written: too large (413), a type other than PDF, DOCX, XLSX, PNG,
     * JPEG or plain text judged by content (415), an empty file (400).
     */
    async uploadFile({ id, purpose, bytes, fileName, viewer }: { id: string; purpose: FilePurpose; bytes: Uint8Array; fileName: string; viewer: Viewer }): Promise<EvidenceFileView> {
      const { row, assignment } = await ctx.load(id, viewer);
      const q = await questionnaires.get(id);
      ctx.authorize(canUploadFile(viewer, assignment, purpose, { status: row.status, municipalityCode: row.municipalityCode, submitted: Boolean(q?.submittedAt) }), viewer, row);
      if (bytes.length === 0) throw new DomainError('validation', 'Filen är tom.');
      if (bytes.length > MAX_EVIDENCE_FILE_BYTES) throw new DomainError('too_large', `Filen är större än ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB. Inget har sparats.`);
      const kind = sniffFileKind(bytes);
      if (!kind) throw new DomainError('unsupported', `Filens innehåll är inte någon av de tillåtna typerna (${ALLOWED_FILE_LABELS}). Filändelsen avgör inte; innehållet gör det. Inget har sparats.`);
      const storedName = await files.put(bytes);
      try {
        const meta = await db.transaction(async (tx) => {
          const t = tx as unknown as Db;
          const m = await repo.insertFile({ evaluationId: id, purpose, storedName, fileName: displayFileName(fileName, kind), mediaType: FILE_KINDS[kind].mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedBy: viewer.name }, t);
          await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'upload_file', change: { before: null, after: { purpose, type: kind, size: bytes.length } } }, t);
          return m;
        });
        return fileView(meta);
      } catch (err) {
        await files.remove(storedName);
        throw err;
      }
    },

    /** The bytes of an uploaded file for a viewer the policy admits (404 for a file of another evaluation). */
    async downloadFile({ id, fileId, viewer }: { id: string; fileId: string; viewer: Viewer }): Promise<{ body: Buffer; mediaType: string; fileName: string }> {
      const { row, assignment } = await ctx.load(id, viewer);
      const meta = await repo.file(id, fileId);
      if (!meta) {
        ctx.authorize(canDownloadFile(viewer, assignment, 'questionnaire', row), viewer, row);
        throw notFound(`Filen ${fileId} finns inte.`);
      }
      ctx.authorize(canDownloadFile(viewer, assignment, meta.purpose, row), viewer, row);
      return { body: await files.get(meta.storedName), mediaType: meta.mediaType, fileName: meta.fileName };
    },

    /** The register, optionally only what supports one subarea (the evidence behind a score). */
    async listEvidence({ id, subareaId, viewer }: { id: string; subareaId?: string | undefined; viewer: Viewer }): Promise<{ items: EvidenceItemView[]; files: EvidenceFileView[] }> {
      await mustView(id, viewer);
      const rows = (await repo.items(id)).filter((r) => !subareaId || r.subareaIds.includes(subareaId));
      return { items: await viewsOf(id, rows), files: (await repo.files(id)).map(fileView) };
    },

    async createEvidence({ id, input, viewer }: { id: string; input: EvidenceInput; viewer: Viewer }): Promise<EvidenceItemView> {
      const { row } = await mustEdit(id, viewer);
      const values = await valuesOf(id, row.frameworkId, input);
      const created = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const r = await repo.insertItem(id, values, viewer.name, t);
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'add_evidence', change: { before: null, after: auditOf(r) } }, t);
        return r;
      });
      return (await viewsOf(id, [created]))[0] as EvidenceItemView;
    },

    /**
     * Changes an item (title, decision body, date, link, file, subareas, note) when it is still at
     * `expectedVersion` (409 with the current item otherwise). A file the item no longer links to, and
     * no other item does, is removed (from disk after the commit).
     */
    async updateEvidence({ id, itemId, expectedVersion, input, viewer }: { id: string; itemId: string; expectedVersion: number; input: EvidenceInput; viewer: Viewer }): Promise<EvidenceItemView> {
      const { row } = await mustEdit(id, viewer);
      const values = await valuesOf(id, row.frameworkId, input);
      const outcome = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const before = await repo.item(id, itemId, t);
        if (!before) throw notFound(`Underlaget ${itemId} finns inte.`);
        const r = await repo.updateItem(id, itemId, expectedVersion, values, t);
        if (!r) return { ok: false, stale: before } as const;
        const gone = before.fileId && before.fileId !== r.fileId ? await repo.releaseFile(id, before.fileId, t) : null;
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'update_evidence', change: { before: auditOf(before), after: auditOf(r) } }, t);
        return { ok: true, updated: r, released: gone } as const;
      });
      if (!outcome.ok) throw await stale(outcome.stale);
      const { updated, released } = outcome;
      if (released) await files.remove(released);
      return (await viewsOf(id, [updated]))[0] as EvidenceItemView;
    },

    /** Removes an item at `expectedVersion`, and its uploaded file when no other item links to it (from disk after the commit). */
    async deleteEvidence({ id, itemId, expectedVersion, viewer }: { id: string; itemId: string; expectedVersion: number; viewer: Viewer }): Promise<void> {
      await mustEdit(id, viewer);
      const outcome = await db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        const before = await repo.item(id, itemId, t);
        if (!before) throw notFound(`Underlaget ${itemId} finns inte.`);
        const r = await repo.deleteItem(id, itemId, expectedVersion, t);
        if (!r) return { ok: false, stale: before } as const;
        const gone = r.fileId ? await repo.releaseFile(id, r.fileId, t) : null;
        await audit.record({ viewer, entity: 'evaluation', entityId: id, action: 'delete_evidence', change: { before: auditOf(r), after: null } }, t);
        return { ok: true, released: gone } as const;
      });
      if (!outcome.ok) throw await stale(outcome.stale);
      if (outcome.released) await files.remove(outcome.released);
    },

    /** Counts for the stage and completeness checks (who may see the register may see these). */
    async getEvidenceFacts({ id, viewer }: { id: string; viewer: Viewer }): Promise<EvidenceFacts> {
      await mustView(id, viewer);
      const items = await repo.items(id);
      const bySubarea: Record<string, number> = {};
      for (const i of items) for (const s of i.subareaIds) bySubarea[s] = (bySubarea[s] ?? 0) + 1;
      return {
        documents: items.filter((i) => i.kind === 'document').length,
        observations: items.filter((i) => i.kind === 'website' || i.kind === 'social').length,
        interviewNotes: items.filter((i) => i.kind === 'interview').length,
        files: (await repo.files(id)).length,
        bySubarea,
      };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
