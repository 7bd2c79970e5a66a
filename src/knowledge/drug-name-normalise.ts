/**
 * Drug-name normalisation shared by the interaction-table build and the medication check: one
 * English name per substance whatever the source wrote (INN, USAN, BAN, salt forms, typos in the
 * translated ANSM thesaurus).
 */
/** INN/USAN/BAN spellings and source typos → one English name (INN where one exists). */
export const DRUG_NAME_ALIASES: Record<string, string> = {
  acetaminophen: 'paracetamol',
  rifampin: 'rifampicin',
  cyclosporine: 'ciclosporin',
  cyclosporin: 'ciclosporin',
  albuterol: 'salbutamol',
  adrenaline: 'epinephrine',
  noradrenaline: 'norepinephrine',
  'acetylsalicylic acid': 'aspirin',
  valproate: 'valproic acid',
  'valproate semisodium': 'valproic acid',
  divalproex: 'valproic acid',
  glyburide: 'glibenclamide',
  meperidine: 'pethidine',
  esmoprazole: 'esomeprazole',
  voreconazole: 'voriconazole',
  lisdexamefetamine: 'lisdexamfetamine',
  dextroamphetamine: 'dexamfetamine',
  amphetamine: 'amfetamine',
  methamphetamine: 'metamfetamine',
  methylergonovine: 'methylergometrine',
  ergonovine: 'ergometrine',
  indomethacin: 'indometacin',
  frusemide: 'furosemide',
  thyroxine: 'levothyroxine',
  'st john s wort': "st john's wort",
  'st johns wort': "st john's wort",
  'saint john s wort': "st john's wort",
  'hypericum perforatum': "st john's wort",
  'methylthioninium chloride': 'methylene blue',
  'zidovudine azt': 'zidovudine',
  'grapefruit juice and fruit': 'grapefruit',
  'gragefruit juice and fruit': 'grapefruit',
  'alcohol drink or ingredient': 'alcohol',
  'alcohol drink of ingredient': 'alcohol',
  'dimethyl fumerate of': 'dimethyl fumarate',
  sulphamethoxazole: 'sulfamethoxazole',
  cromolyn: 'cromoglicic acid',
  mesalamine: 'mesalazine',
  cholestyramine: 'colestyramine',
  'dimethyl fumarate of': 'dimethyl fumarate',
  'dimethyl fumarate': 'dimethyl fumarate',
  'methylene blue or methylthioninium chloride': 'methylene blue',
  'trinitrine known as nitroglycerin in the us': 'glyceryl trinitrate',
  trinitrine: 'glyceryl trinitrate',
  nitroglycerin: 'glyceryl trinitrate',
  thyroxines: 'levothyroxine',
  'nicotinic acid': 'niacin',
  'alteplase recombinant': 'alteplase',
  'tenefovir alafenamide': 'tenofovir alafenamide',
  moclobamide: 'moclobemide',
  ondanstron: 'ondansetron',
  alrrazolam: 'alprazolam',
  carbamazapine: 'carbamazepine',
  chloroquin: 'chloroquine',
  moxonidin: 'moxonidine',
  'di acefylline diphenhydramine': 'diphenhydramine diacefylline',
  // French spellings left in the English translation.
  dextromethorphane: 'dextromethorphan',
  doxazosine: 'doxazosin',
  enoxacine: 'enoxacin',
  eribuline: 'eribulin',
  fluorouracile: 'fluorouracil',
  griseofulvine: 'griseofulvin',
  levofloxacine: 'levofloxacin',
  linezolide: 'linezolid',
  moxifloxacine: 'moxifloxacin',
  norfloxacine: 'norfloxacin',
  ofloxacine: 'ofloxacin',
  prazosine: 'prazosin',
  tamsulosine: 'tamsulosin',
  terazosine: 'terazosin',
  trabectedine: 'trabectedin',
  iproniazide: 'iproniazid',
  quinupristine: 'quinupristin',
  temocilline: 'temocillin',
  lanthane: 'lanthanum',
  reglisse: 'liquorice',
  sene: 'senna',
  'sene of india': 'senna',
  // Bisphosphonates: INN "…ronic acid".
  alendronate: 'alendronic acid',
  ibandronate: 'ibandronic acid',
  pamidronate: 'pamidronic acid',
  risedronate: 'risedronic acid',
  zoledronate: 'zoledronic acid',
};

/** Counter-ions dropped from a name unless what is left is itself a mineral (calcium acetate). */
const SALT_WORDS = new Set(
  'hydrochloride hcl hydrobromide sulfate sulphate mesylate mesilate maleate tartrate besylate besilate succinate fumarate acetate dihydrate monohydrate cilexetil medoxomil mofetil etexilate propionate tert-butylamine erbumine trometamol'.split(
    ' ',
  ),
);
/** Cations dropped only as the last word ("diclofenac sodium", "nadroparin calcium"). */
const TRAILING_CATIONS = new Set(['sodium', 'potassium', 'calcium', 'magnesium']);
const MINERALS = new Set('calcium magnesium potassium sodium iron ferrous zinc lithium aluminium aluminum'.split(' '));

/** Trim, fold case and accents, drop bracketed qualifiers, counter-ions and alias spellings. */
export function normaliseDrugName(raw: string): string {
  let name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^the french document lists /, '')
    .replace(/^[a-z]: /, '')
    .trim();
  const whole = name
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (DRUG_NAME_ALIASES[whole]) return DRUG_NAME_ALIASES[whole];
  name = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9'+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const words = name.split(' ');
  const cationDropped = words.length > 1 && TRAILING_CATIONS.has(words.at(-1) ?? '');
  const core = words.slice(0, cationDropped ? -1 : undefined).filter((w) => !SALT_WORDS.has(w));
  if (core.length > 0 && core.length < words.length && !(core.length === 1 && MINERALS.has(core[0] ?? ''))) {
    name = core.join(' ');
  }
  const key = name.replace(/'/g, ' ').replace(/\s+/g, ' ');
  return DRUG_NAME_ALIASES[key] ?? name;
}

export function slugDrugId(name: string): string {
  return name
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
