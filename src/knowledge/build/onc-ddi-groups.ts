import type { InteractionSeverity } from '../kb-schema.js';

export interface OncGroup {
  left: string;
  right: string;
  severity: InteractionSeverity;
  mechanism: string;
  management: string;
}

/**
 * ONC high-priority groups (Phansalkar et al., JAMIA 2012;19:735-743, Table 2). The paper rates
 * all as high priority (→ major); combinations with an MAO inhibitor (3, 8, 16, 20, 30, 31) are
 * contraindicated in the products' US labelling, so Suwen ranks them contraindicated.
 */
export const ONC_GROUPS: Record<string, OncGroup> = {
  '3': {
    left: 'Amphetamine derivatives',
    right: 'MAO inhibitors',
    severity: 'contraindicated',
    mechanism: 'MAO inhibition increases noradrenaline release by amphetamine-like stimulants: risk of hypertensive crisis.',
    management: 'Avoid; do not start a stimulant during or within the MAOI washout period stated in the labelling.',
  },
  '4': {
    left: 'Atazanavir',
    right: 'Proton pump inhibitors',
    severity: 'major',
    mechanism: 'Raised gastric pH reduces atazanavir absorption and plasma concentrations: risk of virological failure and resistance.',
    management: 'Avoid, or follow the atazanavir labelling for boosted regimens and PPI dose limits.',
  },
  '6': {
    left: 'Febuxostat',
    right: 'Azathioprine / mercaptopurine',
    severity: 'major',
    mechanism: 'Xanthine oxidase inhibition blocks thiopurine inactivation: raised mercaptopurine exposure and bone-marrow toxicity.',
    management: 'Avoid the combination (febuxostat is contraindicated with azathioprine and mercaptopurine).',
  },
  '8': {
    left: 'SSRIs / SNRIs',
    right: 'MAO inhibitors',
    severity: 'contraindicated',
    mechanism: 'Additive serotonergic effect: risk of serotonin syndrome (hyperthermia, rigidity, autonomic instability), possibly fatal.',
    management: 'Contraindicated; respect the washout period in the labelling when switching between them.',
  },
  '11': {
    left: 'Irinotecan',
    right: 'CYP3A4 inhibitors',
    severity: 'major',
    mechanism: 'CYP3A4 inhibition increases exposure to irinotecan and its active metabolite SN-38: severe neutropenia and diarrhoea.',
    management: 'Avoid strong CYP3A4 inhibitors during irinotecan; stop them beforehand as the irinotecan labelling advises.',
  },
  '16': {
    left: 'Opioid analgesics (pethidine, methadone, tramadol, …)',
    right: 'MAO inhibitors',
    severity: 'contraindicated',
    mechanism:
      'Serotonergic opioids with MAO inhibition: serotonin syndrome or severe CNS excitation/depression (fatal reactions with pethidine).',
    management: 'Contraindicated; use a non-serotonergic opioid and respect the MAOI washout period.',
  },
  '20': {
    left: 'Tricyclic antidepressants',
    right: 'MAO inhibitors',
    severity: 'contraindicated',
    mechanism: 'Serotonin syndrome, hyperpyrexia, convulsions and hypertensive reactions.',
    management: 'Contraindicated; respect the washout period in the labelling when switching.',
  },
  '21': {
    left: 'QT-prolonging agents',
    right: 'QT-prolonging agents',
    severity: 'major',
    mechanism: 'Additive QT prolongation: risk of torsades de pointes and sudden death.',
    management: 'Avoid; if unavoidable, ECG and electrolyte (K, Mg) monitoring and correction.',
  },
  '22': {
    left: 'Ramelteon',
    right: 'CYP1A2 inhibitors',
    severity: 'major',
    mechanism: 'CYP1A2 inhibition (notably fluvoxamine) markedly increases ramelteon exposure: excessive sedation.',
    management: 'Do not combine ramelteon with fluvoxamine; use other strong CYP1A2 inhibitors with caution.',
  },
  '23': {
    left: 'Protease inhibitors',
    right: 'Strong CYP3A4 inducers',
    severity: 'major',
    mechanism: 'Enzyme induction markedly lowers protease inhibitor concentrations: loss of virological response and resistance.',
    management: 'Avoid; choose a non-inducing alternative (e.g. rifabutin with dose adjustment per HIV guidelines).',
  },
  '25': {
    left: 'Simvastatin / lovastatin',
    right: 'CYP3A4 inhibitors',
    severity: 'major',
    mechanism: 'CYP3A4 inhibition raises simvastatin/lovastatin concentrations: myopathy and rhabdomyolysis.',
    management:
      'Avoid with strong inhibitors (suspend the statin or use one not metabolised by CYP3A4); dose limits with moderate inhibitors per labelling.',
  },
  '27': {
    left: 'Ergot alkaloids',
    right: 'CYP3A4 inhibitors',
    severity: 'major',
    mechanism: 'CYP3A4 inhibition raises ergot concentrations: ergotism with vasospasm and peripheral or cerebral ischaemia.',
    management: 'Avoid (contraindicated with strong CYP3A4 inhibitors in the ergot labelling).',
  },
  '28': {
    left: 'Tizanidine',
    right: 'CYP1A2 inhibitors',
    severity: 'major',
    mechanism: 'CYP1A2 inhibition markedly increases tizanidine exposure: hypotension, bradycardia, excessive sedation.',
    management: 'Avoid (contraindicated with fluvoxamine and ciprofloxacin); avoid other CYP1A2 inhibitors where possible.',
  },
  '30': {
    left: 'Tranylcypromine',
    right: 'Procarbazine',
    severity: 'contraindicated',
    mechanism: 'Procarbazine has MAO-inhibiting activity: additive MAO inhibition with hypertensive reactions and CNS toxicity.',
    management: 'Avoid the combination.',
  },
  '31': {
    left: 'Triptans',
    right: 'MAO inhibitors',
    severity: 'contraindicated',
    mechanism: 'MAO-A inhibition raises concentrations of MAO-metabolised triptans: vasoconstriction and serotonin toxicity.',
    management: 'Contraindicated for sumatriptan, rizatriptan and zolmitriptan with MAO-A inhibitors; respect the washout period.',
  },
};
