import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normaliseDrugName } from '../drug-name-normalise.js';
import { type InteractionTables, interactionRuleSchema, interactionTablesSchema } from '../kb-schema.js';
import { ansmSeverity, buildInteractionTablesWithReport, type InteractionBuildReport } from './interaction-tables.js';
import { parseDelimited } from './read-csv.js';

const sourcesDir = fileURLToPath(new URL('../../../data/knowledge/sources/ddi-ansm-onc/', import.meta.url));

/** Stands in for the curated KB: a few names it knows, everything else unknown. */
const CURATED: Record<string, string> = {
  aspirin: 'aspirin',
  'acetylsalicylic acid': 'aspirin',
  rifampicin: 'rifampicin',
  rifampin: 'rifampicin',
  paracetamol: 'paracetamol',
  warfarin: 'warfarin',
};
const resolveDrugId = (name: string) => CURATED[name];

let tables: InteractionTables;
let report: InteractionBuildReport;
let buildMs = 0;
let index: Map<string, number>;

/** Rules linking two drug ids, from the expanded pairs. */
let byPair: Map<string, number[]>;
function rulesFor(a: string, b: string) {
  const i = index.get(a) ?? -1;
  const j = index.get(b) ?? -1;
  return (byPair.get(i < j ? `${i}-${j}` : `${j}-${i}`) ?? []).map((r) => tables.rules[r]);
}

beforeAll(() => {
  const start = performance.now();
  ({ tables, report } = buildInteractionTablesWithReport({ sourcesDir, resolveDrugId }));
  buildMs = performance.now() - start;
  index = new Map(tables.vocabulary.map((v, i) => [v.id, i]));
  byPair = new Map();
  for (const [x, y, r] of tables.pairs) byPair.set(`${x}-${y}`, [...(byPair.get(`${x}-${y}`) ?? []), r]);
  console.log(
    `interaction tables: ${tables.rules.length} rules, ${tables.pairs.length} pairs, ${tables.vocabulary.length} vocabulary drugs, built in ${buildMs.toFixed(0)} ms`,
  );
});

describe('normaliseDrugName', () => {
  it('folds case, salts and INN/USAN spellings to one name', () => {
    expect(normaliseDrugName('  Rifampin ')).toBe('rifampicin');
    expect(normaliseDrugName('ACETYLSALICYLIC ACID')).toBe('aspirin');
    expect(normaliseDrugName('Diclofenac sodium')).toBe('diclofenac');
    expect(normaliseDrugName('Calcium acetate')).toBe('calcium acetate');
    expect(normaliseDrugName('Esmoprazole')).toBe('esomeprazole');
    expect(normaliseDrugName('St John’s wort')).toBe("st john's wort");
    expect(normaliseDrugName('MOXIFLOXACINE')).toBe('moxifloxacin');
    expect(normaliseDrugName('DIMETHYL FUMARATE')).toBe('dimethyl fumarate');
  });
});

describe('ansmSeverity', () => {
  it('maps the four ANSM levels and their misspellings, the most severe when several are named', () => {
    expect(ansmSeverity('CONTRAINDICATON')).toBe('contraindicated');
    expect(ansmSeverity('C0NTRAINDICATION')).toBe('contraindicated');
    expect(ansmSeverity('Nor recommended')).toBe('major');
    expect(ansmSeverity('Precautions for use')).toBe('moderate');
    expect(ansmSeverity('Tale into account')).toBe('minor');
    expect(ansmSeverity('Contraindication - Not recommended - Precaution for use')).toBe('contraindicated');
    expect(ansmSeverity('')).toBeUndefined();
  });
});

describe('parseDelimited', () => {
  it('keeps quoted commas, doubled quotes and newlines inside one field', () => {
    expect(parseDelimited('a,"b, ""c""\nd",e\r\nf,g,h\n')).toEqual([
      ['a', 'b, "c"\nd', 'e'],
      ['f', 'g', 'h'],
    ]);
  });
});

describe('buildInteractionTables', () => {
  it('builds tables that validate against the schema', () => {
    expect(interactionTablesSchema.safeParse(tables).success).toBe(true);
    for (const rule of tables.rules) expect(interactionRuleSchema.safeParse(rule).success).toBe(true);
  });

  it('finds warfarin with aspirin and with ibuprofen through the anticoagulant and NSAID classes', () => {
    expect(rulesFor('warfarin', 'aspirin').map((r) => r?.severity)).toContain('contraindicated');
    const ibuprofen = rulesFor('warfarin', 'ibuprofen');
    expect(ibuprofen.map((r) => r?.severity)).toContain('major');
    expect(ibuprofen.some((r) => r?.left.kind === 'class' && r.right.kind === 'class')).toBe(true);
  });

  it('lists simvastatin with clarithromycin as ANSM contraindicated and ONC group 25', () => {
    const rules = rulesFor('simvastatin', 'clarithromycin');
    expect(rules.find((r) => r?.id.startsWith('ansm-'))?.severity).toBe('contraindicated');
    expect(rules.find((r) => r?.id === 'onc-hp-25')?.severity).toBe('major');
  });

  it('uses curated ids and merges ONC and ANSM spellings of one drug', () => {
    expect(index.has('rifampicin')).toBe(true);
    expect(index.has('rifampin')).toBe(false);
    expect(rulesFor('rifampicin', 'ritonavir').some((r) => r?.id.startsWith('ansm-'))).toBe(true);
    expect(rulesFor('rifampicin', 'ritonavir').some((r) => r?.id === 'onc-hp-23')).toBe(true);
  });

  it('ranks ONC MAOI combinations contraindicated', () => {
    expect(rulesFor('tramadol', 'phenelzine').map((r) => r?.severity)).toEqual(['contraindicated']);
  });

  it('expands a class to every member in the classes file', () => {
    const nsaidRule = tables.rules.findIndex(
      (r) => r.left.name === 'ORAL ANTICOAGULANTS' && r.right.name === 'NON STEROIDAL ANTI-INFLAMMATORY DRUGS',
    );
    const partners = new Set(
      tables.pairs
        .filter((p) => p[2] === nsaidRule)
        .flatMap((p) => [p[0], p[1]])
        .map((i) => tables.vocabulary[i]?.id),
    );
    for (const id of ['warfarin', 'acenocoumarol', 'apixaban', 'ibuprofen', 'naproxen', 'celecoxib', 'diclofenac'])
      expect(partners).toContain(id);
    expect(report.unresolvedClasses).toEqual([]);
  });

  it('stores each pair once per rule, left index below right, never a drug with itself', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const [a, b, r] of tables.pairs) {
      const key = `${a}-${b}-${r}`;
      if (!(a >= 0 && a < b && b < tables.vocabulary.length && r < tables.rules.length) || seen.has(key)) bad.push(key);
      seen.add(key);
    }
    expect(bad).toEqual([]);
    expect(seen.size).toBe(tables.pairs.length);
    expect(new Set(tables.vocabulary.map((v) => v.id)).size).toBe(tables.vocabulary.length);
  });

  it('settles every blank or free-text ANSM level from its mirrored entry or comment', () => {
    console.log(
      'ANSM rows with a blank or free-text level:',
      JSON.stringify(report.oddSeverityRows.map(({ row, severity, from }) => ({ row, severity, from }))),
    );
    expect(report.oddSeverityRows.filter((r) => r.from === 'default')).toEqual([]);
  });

  it('recalls every pair of the ONC high-priority mapped list', () => {
    const rows = readFileSync(`${sourcesDir}ONC_High_Priority_Mapped.csv`, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter(Boolean);
    const byName = new Map(tables.vocabulary.map((v) => [v.name, v.id]));
    const missing: string[] = [];
    let alsoAnsm = 0;
    for (const row of rows) {
      const [a = '', , b = ''] = row.split('$');
      const idA = resolveDrugId(normaliseDrugName(a)) ?? byName.get(normaliseDrugName(a));
      const idB = resolveDrugId(normaliseDrugName(b)) ?? byName.get(normaliseDrugName(b));
      const rules = idA && idB ? rulesFor(idA, idB) : [];
      if (!rules.some((r) => r?.id.startsWith('onc-hp-'))) missing.push(`${a} – ${b}`);
      if (rules.some((r) => r?.id.startsWith('ansm-'))) alsoAnsm++;
    }
    const recall = (rows.length - missing.length) / rows.length;
    console.log(
      `ONC high-priority recall ${recall.toFixed(4)} (${rows.length - missing.length}/${rows.length}); also in ANSM: ${alsoAnsm}; groups ${JSON.stringify(report.oncGroupCounts)}`,
    );
    expect(missing).toEqual([]);
    expect(recall).toBe(1);
  });

  it('puts only QT-prolonging drugs in ONC group 21', () => {
    // Drugs named in the group-21 pairs of the ONC list (known-risk QT drugs per Phansalkar et al. 2012).
    const qt = new Set(
      'amiodarone anagrelide arsenic-trioxide astemizole azithromycin bepridil chloroquine chlorpromazine cisapride citalopram clarithromycin cocaine disopyramide dofetilide domperidone dronedarone droperidol erythromycin escitalopram flecainide halofantrine haloperidol ibutilide levomethadyl mesoridazine methadone moxifloxacin ondansetron pentamidine pimozide probucol procainamide quinidine sevoflurane sotalol sparfloxacin sulpiride telithromycin terfenadine thioridazine vandetanib'.split(
        ' ',
      ),
    );
    const group21 = tables.rules.findIndex((r) => r.id === 'onc-hp-21');
    const ids = new Set(
      tables.pairs.filter((p) => p[2] === group21).flatMap((p) => [tables.vocabulary[p[0]]?.id, tables.vocabulary[p[1]]?.id]),
    );
    expect([...ids].filter((id) => !qt.has(id ?? ''))).toEqual([]);
  });
});
