import type { AreaDef } from '../domain/framework.ts';

/**
 * A subarea as the sources print it: the title of its score-table row, its maximum (null where the
 * sources do not give it) and, where the area section uses a shorter one, its heading.
 */
export type SubareaRow = readonly [title: string, max: number | null, heading?: string];

export interface AreaRow {
  title: string;
  /** Other names the area is printed under in real reports. */
  aliases?: string[];
  subareas: readonly SubareaRow[];
}

/**
 * The areas of a catalog version from its table: numbered 1, 2, … in order, the subareas of area n
 * "n.1", "n.2", …; the introduction starts empty (editable data).
 */
export function catalogAreas(rows: readonly AreaRow[]): AreaDef[] {
  return rows.map((row, a) => ({
    number: a + 1,
    title: row.title,
    ...(row.aliases ? { aliases: row.aliases } : {}),
    introduction: '',
    subareas: row.subareas.map(([title, max, heading], s) => ({ id: `${a + 1}.${s + 1}`, title, ...(heading === undefined ? {} : { heading }), max })),
  }));
}
