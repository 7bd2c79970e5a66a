import type { KnowledgeBase } from '../knowledge-base-types.js';

/** The data sets the knowledge base is built from (also listed in the README's data credits). */
export const KB_CREDITS: KnowledgeBase['credits'] = [
  {
    name: 'DDXPlus (Fansi Tchango et al., NeurIPS 2022)',
    licence: 'CC BY 4.0',
    url: 'https://github.com/mila-iqia/ddxplus',
    usedFor: 'conditions (ICD-10, severity, symptoms, antecedents)',
  },
  {
    name: 'ICD-10-CM 2018 categories (CDC/NCHS)',
    licence: 'US government work; ICD-10 © WHO',
    url: 'https://www.cdc.gov/nchs/icd/icd10cm.htm',
    usedFor: 'ICD-10 code titles',
  },
  {
    name: 'Hetionet v1.0 nodes (Himmelstein et al., eLife 2017)',
    licence: 'CC0 1.0',
    url: 'https://github.com/hetio/hetionet',
    usedFor: 'disease and symptom vocabulary',
  },
  {
    name: 'MedQuAD (Ben Abacha & Demner-Fushman, BMC Bioinformatics 2019)',
    licence: 'CC BY 4.0',
    url: 'https://github.com/abachaa/MedQuAD',
    usedFor: 'patient-education topics (NIH sources)',
  },
  {
    name: 'repoDB (Brown & Patel, Pac Symp Biocomput 2017)',
    licence: 'CC BY 4.0',
    url: 'https://apps.chiragjpgroup.org/repoDB/',
    usedFor: 'approved drug indications',
  },
  {
    name: 'FDA label ADR annotations (Demner-Fushman et al., Sci Data 2018), via OnSIDES',
    licence: 'Public domain (FDA labels, NLM); MIT (OnSIDES repackaging)',
    url: 'https://github.com/tatonetti-lab/onsides',
    usedFor: 'adverse events listed in drug labels',
  },
  {
    name: 'ANSM interaction thesaurus (English translation by WorldVistA, 2016), via Ayvaz et al., J Biomed Inform 2015',
    licence: 'Published facts, with attribution',
    url: 'https://github.com/dbmi-pitt/public-PDDI-analysis',
    usedFor: 'drug–drug and class–class interactions',
  },
  {
    name: 'ONC high-priority and non-interruptive DDI lists (Phansalkar et al., JAMIA 2012 and 2013)',
    licence: 'Published facts, with attribution',
    url: 'https://github.com/dbmi-pitt/public-PDDI-analysis',
    usedFor: 'high-priority interaction pairs',
  },
  {
    name: 'Curated by Suwen from public labels, formularies and guidelines (cited per entry)',
    licence: 'Apache-2.0 (this repository)',
    url: 'data/knowledge/curated/',
    usedFor: 'drug doses, renal/hepatic rules, pregnancy notes, lab ranges, allergy cross-reactivity',
  },
];
