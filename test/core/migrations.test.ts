import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, upgradeToCurrent, type JsonObject, type Migration } from '../../src/core/migrations';
import { parseReport, SCHEMA_VERSION, serializeReport, validateReport } from '../../src/core/report';
import { importFile } from '../../src/import';

// Every report file ever saved keeps opening: fixtures of each schema version, and the upgrade path
// exercised with synthetic future versions.

const dir = new URL('../fixtures/schema/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const reportFixtures = fixtures.filter((f) => !f.includes('draft-record'));

describe('fixtures of every schema version', () => {
  it('has a fixture for every version up to the current one', () => {
    const versions = new Set(fixtures.map((f) => Number(/^v(\d+)-/.exec(f)?.[1])));
    for (let v = 1; v <= SCHEMA_VERSION; v++) expect(versions, `fixtures of schemaVersion ${v}`).toContain(v);
  });

  it.each(reportFixtures)('%s opens, as the app and the CLI read it', async (name) => {
    const loaded = parseReport(text(name));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.report.schemaVersion).toBe(SCHEMA_VERSION);
    const imported = await importFile(name, readFileSync(new URL(name, dir)));
    expect(imported).toMatchObject({ ok: true, report: loaded.report });
    // Saved again, it opens to the same report.
    expect(parseReport(serializeReport(loaded.report))).toEqual(loaded);
  });

  it('fills the fields a hand-written minimal file leaves out', () => {
    const loaded = parseReport(text('v1-minimal-hand-written.json'));
    expect(loaded.ok && loaded.report).toMatchObject({ written: {}, acknowledged: [], typedTotals: false, meta: { publicationDate: '', contact: '' } });
  });

  it('reads a file saved by Notepad (byte-order mark, CRLF, tabs, keys in another order)', () => {
    const raw = text('v1-windows-notepad-bom-crlf.json');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const loaded = parseReport(raw);
    expect(loaded.ok && loaded.report.meta.agency).toBe('青禾市临江区白沙镇人民政府');
    expect(loaded.ok && Object.values(loaded.report.written)).toEqual(['无']);
  });

  it('a stored draft carries its report with the schema version and goes through the same path', () => {
    const record = JSON.parse(text('v1-draft-record.json')) as { report: unknown };
    const loaded = validateReport(record.report);
    expect(loaded.ok && loaded.report.meta.year).toBe(2024);
  });
});

describe('the upgrade path', () => {
  const v1 = (): JsonObject => JSON.parse(text('v1-minimal-hand-written.json')) as JsonObject;
  // Imagined future versions: 2 turns the contact line into a list, 3 renames typedTotals.
  const toV2: Migration = {
    from: 1,
    to: 2,
    why: 'several contacts',
    migrate: (d) => {
      const meta = d.meta as JsonObject;
      const { contact, ...rest } = meta;
      return { ...d, meta: { ...rest, contacts: typeof contact === 'string' && contact ? [contact] : [] } };
    },
  };
  const toV3: Migration = {
    from: 2,
    to: 3,
    why: 'clearer name',
    migrate: ({ typedTotals, ...d }) => ({ ...d, totalsTypedByHand: typedTotals === true }),
  };

  it('the real list is ordered, one step per version, ending at the current version', () => {
    MIGRATIONS.forEach((m, i) => expect([m.from, m.to]).toEqual([i + 1, i + 2]));
    expect(MIGRATIONS.length).toBe(SCHEMA_VERSION - 1);
  });

  it('upgrades a version 1 file step by step to a future version 3', () => {
    const data = { ...v1(), meta: { ...(v1().meta as JsonObject), contact: '办公室 0000-1' }, typedTotals: true };
    const before = JSON.stringify(data);
    const up = upgradeToCurrent(data, 3, [toV2, toV3]);
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    expect(up.from).toBe(1);
    expect(up.data.schemaVersion).toBe(3);
    expect(up.data.meta).toMatchObject({ contacts: ['办公室 0000-1'] });
    expect(up.data.meta).not.toHaveProperty('contact');
    expect(up.data).toMatchObject({ totalsTypedByHand: true });
    expect(up.data).not.toHaveProperty('typedTotals');
    // The caller's data is left as it was (the raw text stays available for a download).
    expect(JSON.stringify(data)).toBe(before);
  });

  it('starts from the file’s own version', () => {
    const v2 = { ...v1(), schemaVersion: 2, meta: { agency: '甲', contacts: [] }, typedTotals: false };
    const up = upgradeToCurrent(v2, 3, [toV2, toV3]);
    expect(up.ok && up.data).toMatchObject({ schemaVersion: 3, totalsTypedByHand: false, meta: { contacts: [] } });
  });

  it('a current file passes unchanged', () => {
    const data = v1();
    expect(upgradeToCurrent(data, 1, [])).toEqual({ ok: true, data, from: 1 });
  });

  it('says what is wrong: a newer file, a missing step, a failing step, a bad version', () => {
    expect(upgradeToCurrent({ ...v1(), schemaVersion: 4 }, 3, [toV2, toV3])).toEqual({ ok: false, error: expect.stringMatching(/不支持的 schemaVersion：4.*请更新本程序/) });
    expect(upgradeToCurrent(v1(), 3, [toV3])).toEqual({ ok: false, error: expect.stringContaining('无法把 schemaVersion 1 的文件升级到 2') });
    const broken: Migration = { ...toV2, migrate: () => { throw new Error('meta 缺失'); } };
    expect(upgradeToCurrent(v1(), 2, [broken])).toEqual({ ok: false, error: expect.stringMatching(/升级到 2 时出错（meta 缺失）/) });
    expect(upgradeToCurrent({ ...v1(), schemaVersion: '1' }, 1, [])).toEqual({ ok: false, error: expect.stringContaining('正整数') });
    expect(upgradeToCurrent({ ...v1(), schemaVersion: 0 }, 1, [])).toEqual({ ok: false, error: expect.stringContaining('正整数') });
  });

  it('the loader refuses a file from a newer program with the reason', () => {
    expect(parseReport(JSON.stringify({ ...v1(), schemaVersion: SCHEMA_VERSION + 1 }))).toEqual({ ok: false, error: expect.stringContaining('请更新本程序') });
  });
});
