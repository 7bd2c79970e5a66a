import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseDrugName, slugDrugId } from '../drug-name-normalise.js';
import { editDistance } from '../edit-distance.js';
import type { InteractionRule, InteractionSeverity, InteractionTables, VocabularyDrug } from '../kb-schema.js';
import { ONC_GROUPS } from './onc-ddi-groups.js';
import { parseDelimited } from './read-csv.js';

/**
 * Builds Suwen's drug–drug interaction tables from the ANSM thesaurus (English, WorldVistA 2016)
 * and the ONC high-priority / non-interruptive lists, all under
 * data/knowledge/sources/ddi-ansm-onc (see NOTICE.md there). Rules stay as published (class vs.
 * class); pairs are the rules expanded to drugs, one per (unordered drug pair, rule).
 */
export interface BuildInteractionTablesOptions {
  sourcesDir: string;
  /** Maps a normalised English name to a curated drug id when the curated KB knows it. */
  resolveDrugId: (name: string) => string | undefined;
}

const ANSM_CITATION = 'Thésaurus des interactions médicamenteuses (ANSM, English translation by WorldVistA, Sept 2016)';
const ONC_HP_CITATION = 'ONC high-priority DDI list (Phansalkar et al., JAMIA 2012;19:735-743)';
const ONC_NI_CITATION = 'ONC non-interruptive DDI list (Phansalkar et al., JAMIA 2013;20:489-493)';

const SEVERITY_RANK: Record<InteractionSeverity, number> = { contraindicated: 3, major: 2, moderate: 1, minor: 0 };

/**
 * ANSM levels: contre-indication → contraindicated, association déconseillée → major,
 * précaution d'emploi → moderate, à prendre en compte → minor. The English file has typos
 * ("CONTRAINDICATON", "Nor recommended", "Tale into account"); a cell naming several levels gets
 * the most severe one (the thesaurus then qualifies it by dose/route in the comment).
 */
export function ansmSeverity(text: string): InteractionSeverity | undefined {
  const t = text.toLowerCase().replace(/0/g, 'o');
  const found: InteractionSeverity[] = [];
  if (/\bcontr/.test(t)) found.push('contraindicated');
  if (/no[rt] recomm/.test(t)) found.push('major');
  if (/precaution/.test(t)) found.push('moderate');
  if (/ta[kl]e into account/.test(t)) found.push('minor');
  return found.sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0];
}

interface Member {
  name: string;
  rxcui?: string;
  atc: string[];
}

const VALID_ATC = /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/;
const decodeXml = (s: string) =>
  s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The classes XML is not well-formed (unclosed <DRUG>), so it is read token by token. */
function readClasses(xml: string): { name: string; code: string; members: Member[] }[] {
  const out: { name: string; code: string; members: Member[] }[] = [];
  for (const m of xml.matchAll(/<CLASS name="([^"]*)" code="([^"]*)">([\s\S]*?)<\/CLASS>/g)) {
    const members: Member[] = [];
    for (const t of (m[3] ?? '').matchAll(/<DRUG name="([^"]*)" rxnorm="([^"]*)"|<ATC code="([^"]*)"/g)) {
      if (t[3] !== undefined) {
        const atc = t[3].trim();
        if (VALID_ATC.test(atc)) members.at(-1)?.atc.push(atc);
      } else members.push({ name: decodeXml(t[1] ?? '').trim(), rxcui: t[2]?.trim() || undefined, atc: [] });
    }
    out.push({ name: decodeXml(m[1] ?? '').trim(), code: (m[2] ?? '').trim(), members });
  }
  return out;
}

const classKey = (name: string) =>
  name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim()
    .replace(/^OTHER /, '');

/** ANSM class names in the tables that differ from the classes file by more than spelling. */
const CLASS_ALIASES: Record<string, string> = {
  'PARTIAL AGONIST OPIOIDS': 'AGONIST-ANTAGONIST OPIOIDS',
  'PLATINUM-BASED ANTINEOPLASTIC CANCER DRUGS': 'PLATINUM-BASED ANTINEOPLASTIC DRUGS',
  'CATECHOL-O-METHYLTRANSFERASE INHIBITORS (COMT)': 'INHIBITORS OF CATECHOL-O-METHYLTRANSFERASE (COMT)',
  'STRONG INHIBITORS OF CYP3A': 'STRONG INHIBITORS OF CYP3A4',
  'ENZYMATIC INDUCERS': 'ENZYME INDUCERS',
};

function classResolver(classes: ReturnType<typeof readClasses>) {
  const byKey = new Map<string, Member[]>();
  const byCode = new Map<string, Member[]>();
  for (const c of classes) {
    byKey.set(classKey(c.name), [...(byKey.get(classKey(c.name)) ?? []), ...c.members]);
    byCode.set(c.code, [...(byCode.get(c.code) ?? []), ...c.members]);
  }
  const keys = [...byKey.keys()];
  const cache = new Map<string, Member[] | undefined>();
  return (name: string, code: string): Member[] | undefined => {
    const cacheKey = `${name}\u0000${code}`;
    if (!cache.has(cacheKey)) cache.set(cacheKey, lookup(name, code));
    return cache.get(cacheKey);
  };
  function lookup(name: string, code: string): Member[] | undefined {
    const key = classKey(CLASS_ALIASES[name.trim().replace(/^OTHER /, '')] ?? name);
    const exact = byKey.get(key);
    if (exact) return exact;
    let best: string | undefined;
    let bestDistance = 4;
    for (const k of keys) {
      const d = editDistance(k, key, 99);
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    return best ? byKey.get(best) : byCode.get(code.trim());
  }
}

export interface InteractionBuildReport {
  unresolvedClasses: string[];
  oddSeverityRows: { row: number; text: string; severity: InteractionSeverity; from: 'mirror' | 'comment' | 'default' }[];
  oncGroupCounts: Record<string, number>;
}

export function buildInteractionTables(options: BuildInteractionTablesOptions): InteractionTables {
  return buildInteractionTablesWithReport(options).tables;
}

export function buildInteractionTablesWithReport({ sourcesDir, resolveDrugId }: BuildInteractionTablesOptions): {
  tables: InteractionTables;
  report: InteractionBuildReport;
} {
  const read = (file: string) => readFileSync(join(sourcesDir, file), 'utf8');
  const report: InteractionBuildReport = { unresolvedClasses: [], oddSeverityRows: [], oncGroupCounts: {} };

  const vocab = new Map<string, { name: string; atc: Set<string>; rxcui?: string; drugbank?: string }>();
  const idCache = new Map<string, string>();
  const atcByName = new Map<string, string[]>();
  for (const [atc, name] of parseDelimited(read('eng_groups_tables_2016_xml_atc_codes-v2.tsv'), '\t').slice(1)) {
    const code = (atc ?? '').replace(/;$/, '').trim();
    if (name && VALID_ATC.test(code)) {
      const key = normaliseDrugName(name);
      atcByName.set(key, [...(atcByName.get(key) ?? []), code]);
    }
  }
  const drugId = (raw: string, extra: { atc?: string[]; rxcui?: string; drugbank?: string } = {}): string => {
    let id = idCache.get(raw);
    const name = normaliseDrugName(raw);
    if (!id) {
      id = resolveDrugId(name) ?? resolveDrugId(raw.trim()) ?? slugDrugId(name);
      idCache.set(raw, id);
    }
    let entry = vocab.get(id);
    if (!entry) {
      entry = { name, atc: new Set(atcByName.get(name) ?? []) };
      vocab.set(id, entry);
    }
    for (const a of extra.atc ?? []) if (VALID_ATC.test(a)) entry.atc.add(a);
    entry.rxcui ??= extra.rxcui || undefined;
    entry.drugbank ??= extra.drugbank || undefined;
    return id;
  };

  const rules: InteractionRule[] = [];
  const pairKeys = new Set<string>();
  const pairIds: [string, string, number][] = [];
  const addPairs = (rule: number, left: string[], right: string[]) => {
    for (const a of left) {
      for (const b of right) {
        if (a === b) continue;
        const [x, y] = a < b ? [a, b] : [b, a];
        const key = `${x}\u0000${y}\u0000${rule}`;
        if (pairKeys.has(key)) continue;
        pairKeys.add(key);
        pairIds.push([x, y, rule]);
      }
    }
  };

  // ANSM: one rule per published interaction (the mirrored entry under the other substance is merged).
  const classes = readClasses(read('all_eng_classes_sept2016.xml'));
  const ansm = parseDelimited(read('ansm_ddi_2016_en_flat.csv')).slice(1);
  const nameByRxcui = new Map<string, string>();
  for (const r of ansm) {
    if (r[1] === 'drug' && r[4]) nameByRxcui.set(r[4], r[2] ?? '');
    if (r[6] === 'drug' && r[9]) nameByRxcui.set(r[9], r[7] ?? '');
  }
  for (const c of classes) for (const m of c.members) if (m.name && m.rxcui) nameByRxcui.set(m.rxcui, m.name);
  const findClass = classResolver(classes);
  const sideKey = (kind: string, name: string) => (kind === 'class' ? `c:${classKey(name)}` : `d:${normaliseDrugName(name)}`);
  const mirrorSeverity = new Map<string, InteractionSeverity>();
  for (const r of ansm) {
    const s = ansmSeverity(r[11] ?? '');
    if (s) mirrorSeverity.set([sideKey(r[1] ?? '', r[2] ?? ''), sideKey(r[6] ?? '', r[7] ?? '')].sort().join('|'), s);
  }
  const ruleByKey = new Map<string, InteractionRule>();
  ansm.forEach((r, index) => {
    const [file = '', k1 = '', n1 = '', c1 = '', x1 = '', a1 = '', k2 = '', n2 = '', c2 = '', x2 = '', a2 = ''] = r;
    const rawSeverity = (r[11] ?? '').trim();
    const pairKey = [sideKey(k1, n1), sideKey(k2, n2)].sort().join('|');
    let severity = ansmSeverity(rawSeverity);
    if (!severity) {
      // Blank or free-text level: the level of the same interaction listed under the other
      // substance, else a level named in the comment ("With doses of methotrexate > 20 mg/week" →
      // "Contraindication with …"), else moderate.
      const mirrored = mirrorSeverity.get(pairKey);
      const inComment = ansmSeverity(r[13] ?? '');
      severity = mirrored ?? inComment ?? 'moderate';
      const from = mirrored ? 'mirror' : inComment ? 'comment' : 'default';
      report.oddSeverityRows.push({ row: index + 2, text: rawSeverity, severity, from });
    }
    const existing = ruleByKey.get(`${pairKey}|${severity}`);
    if (existing) {
      if (!existing.source.section?.includes(file)) existing.source.section += `; ${file}`;
      return;
    }
    const side = (kind: string, name: string, code: string, atc: string) => ({
      kind: kind === 'class' ? ('class' as const) : ('drug' as const),
      name: name.trim(),
      ...((kind === 'class' ? code : atc).trim() ? { code: (kind === 'class' ? code : atc).trim() } : {}),
    });
    const rule: InteractionRule = {
      id: `ansm-${rules.length + 1}`,
      severity,
      sourceSeverity: rawSeverity || '(blank)',
      left: side(k1, n1, c1, a1),
      right: side(k2, n2, c2, a2),
      mechanism: (r[12] ?? '').trim(),
      management: (r[13] ?? '').trim(),
      source: { title: ANSM_CITATION, section: file },
    };
    ruleByKey.set(`${pairKey}|${severity}`, rule);
    const members = (kind: string, name: string, code: string, rxcui: string, atc: string): string[] => {
      if (kind !== 'class') return [drugId(name, { atc: [atc.trim()], rxcui: rxcui.trim() })];
      const found = findClass(name, code);
      if (!found) {
        if (!report.unresolvedClasses.includes(name)) report.unresolvedClasses.push(name);
        return [];
      }
      return found.flatMap((m) => {
        const memberName = m.name || (m.rxcui ? nameByRxcui.get(m.rxcui) : undefined);
        return memberName ? [drugId(memberName, { atc: m.atc, rxcui: m.rxcui })] : [];
      });
    };
    rules.push(rule);
    addPairs(rules.length - 1, members(k1, n1, c1, x1, a1), members(k2, n2, c2, x2, a2));
  });

  addOncHighPriority(read, rules, drugId, addPairs, report);
  addOncNonInterruptive(read, rules, drugId, addPairs);

  const ids = [...vocab.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const vocabulary: VocabularyDrug[] = ids.map((id) => {
    const v = vocab.get(id);
    return {
      id,
      name: v?.name ?? id,
      atc: [...(v?.atc ?? [])].sort(),
      ...(v?.rxcui ? { rxcui: v.rxcui } : {}),
      ...(v?.drugbank ? { drugbank: v.drugbank } : {}),
    };
  });
  const pairs = pairIds
    .map(([a, b, r]): [number, number, number] => [index.get(a) ?? -1, index.get(b) ?? -1, r])
    .sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  return { tables: { vocabulary, rules, pairs }, report };
}

type DrugIdFn = (raw: string, extra?: { atc?: string[]; rxcui?: string; drugbank?: string }) => string;
type AddPairsFn = (rule: number, left: string[], right: string[]) => void;

/** `Name$DBxxxxx$Name$DBxxxxx$` rows of the mapped ONC lists. */
function readOncPairs(text: string) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split('$').map((f) => f.trim()))
    .filter((f) => f[0] && f[2])
    .map(([a = '', dbA = '', b = '', dbB = '']) => ({ a, dbA, b, dbB }));
}

function addOncHighPriority(
  read: (file: string) => string,
  rules: InteractionRule[],
  drugId: DrugIdFn,
  addPairs: AddPairsFn,
  report: InteractionBuildReport,
): void {
  // Group table (exported from "ONC High Priority List.xls", sheet "Revised Table 2"): object drugs
  // in column 3, precipitants in column 5. "NSAID" listed among group 23's protease inhibitors is
  // a class, not a protease inhibitor, and is left out.
  const members = new Map<string, { left: Set<string>; right: Set<string> }>();
  let group = '';
  for (const row of parseDelimited(read('onc-high-priority-groups.csv')).slice(1)) {
    if (row[0]?.trim()) group = row[0].trim();
    if (!ONC_GROUPS[group]) continue;
    const g = members.get(group) ?? { left: new Set<string>(), right: new Set<string>() };
    members.set(group, g);
    const object = row[2]?.trim();
    const precipitant = row[4]?.trim();
    if (object && object !== 'NSAID') g.left.add(drugId(object));
    if (precipitant) g.right.add(drugId(precipitant));
  }
  // The mapped list pairs atazanavir, a protease inhibitor, with group 23's inducers; the
  // sheet's object column leaves it out.
  members.get('23')?.left.add(drugId('Atazanavir'));
  const ruleIndex = new Map<string, number>();
  for (const [n, g] of Object.entries(ONC_GROUPS)) {
    ruleIndex.set(n, rules.length);
    rules.push({
      id: `onc-hp-${n}`,
      severity: g.severity,
      sourceSeverity: 'ONC high priority',
      left: { kind: members.get(n)?.left.size === 1 ? 'drug' : 'class', name: g.left },
      right: { kind: members.get(n)?.right.size === 1 ? 'drug' : 'class', name: g.right },
      mechanism: g.mechanism,
      management: g.management,
      source: { title: `${ONC_HP_CITATION}, group ${n}`, section: 'Table 2; ONC_High_Priority_Mapped.csv' },
    });
    const m = members.get(n);
    if (m) addPairs(rules.length - 1, [...m.left], [...m.right]);
  }
  // The mapped pair list: each pair goes to the group(s) whose sides hold it; group 21 (QT) has
  // no member list in the table, so the pairs matching no other group are its QT pairs.
  for (const p of readOncPairs(read('ONC_High_Priority_Mapped.csv'))) {
    const a = drugId(p.a, { drugbank: p.dbA });
    const b = drugId(p.b, { drugbank: p.dbB });
    const groups = [...members].filter(([, g]) => (g.left.has(a) && g.right.has(b)) || (g.left.has(b) && g.right.has(a)));
    const assigned = groups.length > 0 ? groups.map(([n]) => n) : ['21'];
    for (const n of assigned) {
      report.oncGroupCounts[n] = (report.oncGroupCounts[n] ?? 0) + 1;
      addPairs(ruleIndex.get(n) ?? -1, [a], [b]);
    }
  }
}

function addOncNonInterruptive(read: (file: string) => string, rules: InteractionRule[], drugId: DrugIdFn, addPairs: AddPairsFn): void {
  const rule = (id: string, left: string, right: string, section: string): number => {
    rules.push({
      id,
      severity: 'minor',
      sourceSeverity: 'ONC non-interruptive',
      left: { kind: 'class', name: left },
      right: { kind: 'class', name: right },
      mechanism: `Listed by the ONC expert panel as a clinically relevant interaction (${left} – ${right}) that does not warrant an interruptive alert.`,
      management: 'Show as non-interruptive information; monitor as clinically appropriate.',
      source: { title: ONC_NI_CITATION, section },
    });
    return rules.length - 1;
  };
  // The formatted file carries the panel's group number and class names per pair.
  const byGroup = new Map<string, number>();
  const seen = new Set<string>();
  const formatted = parseDelimited(read('ONC_Non_Interuptive_List_Mapped_Formatted.csv'));
  for (const [n = '', classA = '', a = '', dbA = '', , , classB = '', b = '', dbB = ''] of formatted) {
    if (!/^\d+$/.test(n.trim()) || !a.trim() || !b.trim()) continue;
    let r = byGroup.get(n.trim());
    if (r === undefined) {
      r = rule(`onc-ni-${n.trim()}`, classA.trim(), classB.trim(), `group ${n.trim()}`);
      byGroup.set(n.trim(), r);
    }
    const x = drugId(a, { drugbank: dbA.trim() });
    const y = drugId(b, { drugbank: dbB.trim() });
    seen.add([x, y].sort().join('|'));
    addPairs(r, [x], [y]);
  }
  let rest: number | undefined;
  for (const p of readOncPairs(read('ONC_Non_Interuptive_Mapped.csv'))) {
    const x = drugId(p.a, { drugbank: p.dbA });
    const y = drugId(p.b, { drugbank: p.dbB });
    if (seen.has([x, y].sort().join('|'))) continue;
    rest ??= rule('onc-ni', 'ONC non-interruptive list', 'ONC non-interruptive list', 'ONC_Non_Interuptive_Mapped.csv');
    addPairs(rest, [x], [y]);
  }
}
