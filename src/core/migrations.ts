// Report files and stored drafts carry `schemaVersion`. When the schema changes, version N+1 gets one
// step here that upgrades an N document; a file of any earlier version is walked up step by step, so
// every report ever saved keeps opening. Steps work on plain JSON data, before the schema checks it.

export type JsonObject = Record<string, unknown>;

export type Migration = {
  from: number;
  to: number;
  /** What changed, in the words of the commit that changed the schema. */
  why: string;
  migrate: (data: JsonObject) => JsonObject;
};

/**
 * Ordered: `MIGRATIONS[i]` upgrades version i+1 to i+2. Empty while version 1 is the only one.
 * A likely first entry: storing the unit of money per cell, or a draft's revision moving into the file.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type Upgraded = { ok: true; data: JsonObject; from: number } | { ok: false; error: string };

/** Brings `data` (already known to be an object) to version `current`. Never throws. */
export function upgradeToCurrent(data: JsonObject, current: number, steps: readonly Migration[] = MIGRATIONS): Upgraded {
  const version = data.schemaVersion;
  if (version === undefined) return { ok: false, error: '缺少 schemaVersion：这不是年报文件' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `schemaVersion 应为正整数，文件中是 ${JSON.stringify(version)}` };
  }
  if (version > current) {
    return { ok: false, error: `不支持的 schemaVersion：${version}（本程序支持 1 至 ${current}）。这个文件由更新版本的程序保存，请更新本程序后再打开` };
  }
  let doc = data;
  for (let v = version; v < current; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step || step.to !== v + 1) return { ok: false, error: `无法把 schemaVersion ${v} 的文件升级到 ${v + 1}（程序缺少这一步升级）` };
    try {
      doc = { ...step.migrate(JSON.parse(JSON.stringify(doc)) as JsonObject), schemaVersion: v + 1 };
    } catch (e) {
      return { ok: false, error: `把 schemaVersion ${v} 的文件升级到 ${v + 1} 时出错（${(e as Error).message || String(e)}）` };
    }
  }
  return { ok: true, data: doc, from: version };
}
