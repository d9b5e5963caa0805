/**
 * Follow-up benchmark: creating an action plan from an evaluation's improvement opportunities (the
 * service call: read the evaluation, one transaction with the plan and its audit record) and making a
 * report-back (snapshot and numbering in one transaction) and its DOCX and PDF (through the worker
 * pool, as the HTTP route does). Embedded database (PGlite) with the demo data, in this process.
 * Medians after a warm-up; the large plan has 80 items with two actions each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { SYSTEM } from '../src/domain/access.ts';
import { planFromOpportunities } from '../src/domain/action-plan.ts';
import { DEMO_EVALUATIONS } from '../src/demo/demo-data.ts';
import { createActionPlanRepository } from '../src/repositories/action-plan.repository.ts';
import { openRuntime } from '../src/runtime.ts';
import { seedDemoData } from '../src/services/demo.service.ts';

const ms = (v: number): string => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;
const median = (times: number[]): number => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

export async function benchFollowUp(): Promise<Array<{ name: string; value: string }>> {
  const rows: Array<{ name: string; value: string }> = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kompass-bench-follow-up-'));
  const runtime = await openRuntime(loadConfig({ KOMPASS_DATA_DIR: dir, LOG_LEVEL: 'silent', PORT: '0' }));
  try {
    const s = runtime.services;
    await seedDemoData(s);
    const burlovInput = DEMO_EVALUATIONS.find((e) => e.municipalityCode === '1231');
    if (!burlovInput) throw new Error('Burlöv demo evaluation missing');
    const fw = await s.frameworks.getFramework({ id: 'kk2020' });
    const burlovAreas = (burlovInput.areas ?? []).map((a) => ({ ...a, improvements: a.improvements ?? [] }));

    // Pure part: the items from the opportunities.
    const pure: number[] = [];
    for (let i = 0; i < 200; i += 1) pure.push((await timed(async () => planFromOpportunities(burlovAreas, fw, () => 'x')))[0]);
    rows.push({ name: 'Plan items from improvement opportunities, Burlöv 2020 (pure function, 9 items)', value: ms(median(pure)) });

    // Evaluations to make plans on: copies of Burlöv 2020 in other municipalities, 9 opportunities and 80.
    const codes = ['1230', '1214', '1260', '1261', '1262', '1263', '1264', '1265', '1266', '1267', '1270', '1272'];
    const small: string[] = [];
    const large: string[] = [];
    for (const [i, code] of codes.entries()) {
      const many = i >= 6;
      const areas = many ? burlovAreas.map((a) => ({ ...a, improvements: Array.from({ length: 10 }, (_, j) => `Förbättringsmöjlighet ${a.number}.${j + 1}: ${a.improvements[0] ?? ''}`) })) : burlovAreas;
      const e = await s.evaluations.createEvaluation({ input: { ...burlovInput, municipalityCode: code, areas }, viewer: SYSTEM });
      (many ? large : small).push(e.id);
    }
    const create = async (ids: string[]): Promise<number[]> => {
      const out: number[] = [];
      for (const id of ids) out.push((await timed(() => s.actionPlans.createActionPlan({ evaluationId: id, viewer: SYSTEM })))[0]);
      return out.slice(1); // the first is the warm-up
    };
    rows.push({ name: 'Create action plan from opportunities (service + PGlite, 9 items), median of 5', value: ms(median(await create(small))) });
    rows.push({ name: 'Create action plan from opportunities (service + PGlite, 80 items), median of 5', value: ms(median(await create(large))) });

    // The large plan, worked on: two actions per item, statuses set.
    const lastLarge = large.at(-1) ?? '';
    let plan = (await s.actionPlans.createActionPlan({ evaluationId: lastLarge, viewer: SYSTEM })).plan;
    for (const [i, item] of plan.items.entries()) {
      plan = await s.actionPlans.updateItem({
        id: plan.id,
        itemId: item.id,
        expectedVersion: plan.version,
        patch: {
          status: i % 3 === 0 ? 'done' : 'ongoing',
          actions: [
            { text: `Åtgärd A för punkt ${i + 1}`, responsible: 'Kommunledningskontoret', start: '2021-02-01', plannedDone: '2021-12-31' },
            { text: `Åtgärd B för punkt ${i + 1}`, unit: 'Kommunstyrelsen', start: '2021-03-01', plannedDone: '2022-06-30', done: i % 3 === 0 ? '2022-05-01' : null },
          ],
        },
        viewer: SYSTEM,
      });
    }
    const [tUpdate] = await timed(() => s.actionPlans.updateItem({ id: plan.id, itemId: plan.items[0]?.id ?? '', expectedVersion: plan.version, patch: { comment: 'Mätt' }, viewer: SYSTEM }));
    rows.push({ name: 'Save one item of the 80-item plan (version check, audit diff), once', value: ms(tUpdate) });

    const made: number[] = [];
    let number = 0;
    for (let i = 0; i < 6; i += 1) {
      const [t, rb] = await timed(() => s.reportBacks.createReportBack({ planId: plan.id, input: {}, viewer: SYSTEM }));
      made.push(t);
      number = rb.number;
    }
    rows.push({ name: 'Create report-back (snapshot, changes since the previous one; 80 items), median of 5', value: ms(median(made.slice(1))) });

    for (const format of ['docx', 'pdf'] as const) {
      const [first, file] = await timed(() => s.reportBacks.renderReportBack({ planId: plan.id, number, format, viewer: SYSTEM }));
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) times.push((await timed(() => s.reportBacks.renderReportBack({ planId: plan.id, number, format, viewer: SYSTEM })))[0]);
      rows.push({ name: `Report-back ${format.toUpperCase()}, 80 items (worker pool), first in process`, value: ms(first) });
      rows.push({ name: `Report-back ${format.toUpperCase()}, 80 items (worker pool, ${Math.round(file.body.length / 1024)} kB), median of 5`, value: ms(median(times)) });
    }
    const goteborg = (await createActionPlanRepository(s.db).listByMunicipality('1480'))[0];
    if (goteborg) {
      const rb = await s.reportBacks.createReportBack({ planId: goteborg.id, input: {}, viewer: SYSTEM });
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) times.push((await timed(() => s.reportBacks.renderReportBack({ planId: goteborg.id, number: rb.number, format: 'docx', viewer: SYSTEM })))[0]);
      rows.push({ name: 'Report-back DOCX, Göteborg demo plan (NKI chart), median of 5', value: ms(median(times)) });
    }
  } finally {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
