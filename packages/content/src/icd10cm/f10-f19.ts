import { H, type Row } from './rows.js';

// ICD-10-CM F10-F19, mental and behavioral disorders due to psychoactive substance use. Every
// substance follows one scheme (abuse .1, dependence .2, use unspecified .9; then intoxication,
// withdrawal, induced mood, psychotic, amnestic, dementia, other and unspecified disorders), but
// each has its own set of codes, so the sets are listed per substance and the titles are built from
// the CMS wording, with the few titles CMS words differently listed as exceptions.

interface Substance {
  category: string;
  /** Category title. */
  heading: string;
  /** "Alcohol", "Other stimulant". */
  noun: string;
  /** "alcohol-induced", "stimulant-induced". */
  induced: string;
  /** What the fifth character's codes exist for abuse (1), dependence (2) and use, unspecified (9). */
  codes: { 1: string; 2: string; 9: string };
  /** Psychotic disorder wording when it is not "<induced> psychotic disorder" (cannabis). */
  psychotic?: string;
}

// Spec: space-separated fifth characters; "2:0129" is a header 2 with sixth characters 0, 1, 2, 9.
const ALCOHOL_ABUSE = '0 1 2:019 3:0129 4 5:019 8:0128 9';
const ALCOHOL_DEP = '0 1 2:019 3:0129 4 5:019 6 7 8:0128 9';
const OPIOID = '0 1 2:0129 3 4 5:019 8:128 9';
const CANNABIS = '0 1 2:0129 3 5:019 8:08 9';
const SEDATIVE_ABUSE = '0 1 2:019 3:0129 4 5:019 8:0128 9';
const SEDATIVE_DEP = '0 1 2:019 3:0129 4 5:019 6 7 8:0128 9';
const STIMULANT = '0 1 2:0129 3 4 5:019 8:0128 9';
const INHALANT = '0 1 2:019 4 5:019 7 8:08 9';
const OTHER = '0 1 2:0129 3:0129 4 5:019 6 7 8:0128 9';

const SUBSTANCES: Substance[] = [
  { category: 'F10', heading: 'Alcohol related disorders', noun: 'Alcohol', induced: 'alcohol-induced', codes: { 1: ALCOHOL_ABUSE, 2: ALCOHOL_DEP, 9: ALCOHOL_DEP } },
  { category: 'F11', heading: 'Opioid related disorders', noun: 'Opioid', induced: 'opioid-induced', codes: { 1: OPIOID, 2: OPIOID, 9: OPIOID } },
  {
    category: 'F12', heading: 'Cannabis related disorders', noun: 'Cannabis', induced: 'cannabis-induced', psychotic: 'psychotic disorder',
    codes: { 1: CANNABIS, 2: CANNABIS, 9: CANNABIS },
  },
  {
    category: 'F13', heading: 'Sedative, hypnotic, or anxiolytic related disorders', noun: 'Sedative, hypnotic or anxiolytic',
    induced: 'sedative, hypnotic or anxiolytic-induced', codes: { 1: SEDATIVE_ABUSE, 2: SEDATIVE_DEP, 9: SEDATIVE_DEP },
  },
  { category: 'F14', heading: 'Cocaine related disorders', noun: 'Cocaine', induced: 'cocaine-induced', codes: { 1: STIMULANT, 2: STIMULANT, 9: STIMULANT } },
  { category: 'F15', heading: 'Other stimulant related disorders', noun: 'Other stimulant', induced: 'stimulant-induced', codes: { 1: STIMULANT, 2: STIMULANT, 9: STIMULANT } },
  {
    category: 'F16', heading: 'Hallucinogen related disorders', noun: 'Hallucinogen', induced: 'hallucinogen-induced',
    codes: { 1: '0 1 2:0129 4 5:019 8:038 9', 2: '0 1 2:019 4 5:019 8:038 9', 9: '0 1 2:019 4 5:019 8:038 9' },
  },
  { category: 'F18', heading: 'Inhalant related disorders', noun: 'Inhalant', induced: 'inhalant-induced', codes: { 1: INHALANT, 2: INHALANT, 9: INHALANT } },
  {
    category: 'F19', heading: 'Other psychoactive substance related disorders', noun: 'Other psychoactive substance',
    induced: 'psychoactive substance-induced', codes: { 1: OTHER, 2: OTHER, 9: OTHER },
  },
];

/** Titles CMS words differently from the scheme. */
const EXCEPTIONS: Record<string, string> = {
  'F12.980': 'Cannabis use, unspecified with anxiety disorder',
  'F13.90': 'Sedative, hypnotic, or anxiolytic use, unspecified, uncomplicated',
  'F14.121': 'Cocaine abuse with intoxication with delirium',
  'F14.13': 'Cocaine abuse, unspecified with withdrawal',
  'F16.121': 'Hallucinogen abuse with intoxication with delirium',
  'F16.221': 'Hallucinogen dependence with intoxication with delirium',
  'F16.921': 'Hallucinogen use, unspecified with intoxication with delirium',
  'F18.17': 'Inhalant abuse with inhalant-induced dementia',
  'F18.27': 'Inhalant dependence with inhalant-induced dementia',
  'F18.921': 'Inhalant use, unspecified with intoxication with delirium',
  'F19.921': 'Other psychoactive substance use, unspecified with intoxication with delirium',
};

const MODES: Record<1 | 2 | 9, string> = { 1: 'abuse', 2: 'dependence', 9: 'use, unspecified' };

function title(s: Substance, who: string, fifth: string, sixth: string | null): string {
  const psychotic = s.psychotic ?? `${s.induced} psychotic disorder`;
  const fifthOnly: Record<string, string> = {
    '0': `${who}, uncomplicated`,
    '1': `${who}, in remission`,
    '2': `${who} with intoxication`,
    '3': `${who} with withdrawal`,
    '4': `${who} with ${s.induced} mood disorder`,
    '5': `${who} with ${psychotic}`,
    '6': `${who} with ${s.induced} persisting amnestic disorder`,
    '7': `${who} with ${s.induced} persisting dementia`,
    '8': `${who} with other ${s.induced} disorders`,
    '9': `${who} with unspecified ${s.induced} disorder`,
  };
  if (sixth === null) return fifthOnly[fifth]!;
  const withSixth: Record<string, Record<string, string>> = {
    '2': { '0': `${who} with intoxication, uncomplicated`, '1': `${who} with intoxication delirium`, '2': `${who} with intoxication with perceptual disturbance`, '9': `${who} with intoxication, unspecified` },
    '3': { '0': `${who} with withdrawal, uncomplicated`, '1': `${who} with withdrawal delirium`, '2': `${who} with withdrawal with perceptual disturbance`, '9': `${who} with withdrawal, unspecified` },
    '5': { '0': `${who} with ${psychotic} with delusions`, '1': `${who} with ${psychotic} with hallucinations`, '9': `${who} with ${psychotic}, unspecified` },
    '8': {
      '0': `${who} with ${s.induced} anxiety disorder`,
      '1': `${who} with ${s.induced} sexual dysfunction`,
      '2': `${who} with ${s.induced} sleep disorder`,
      '3': `${who} with hallucinogen persisting perception disorder (flashbacks)`,
      '8': `${who} with other ${s.induced} disorder`,
    },
  };
  const t = withSixth[fifth]?.[sixth];
  if (!t) throw new Error(`no title pattern for ${s.category} ${fifth}${sixth}`);
  return t;
}

function substanceRows(s: Substance): Row[] {
  const rows: Row[] = [[s.category, s.heading, H]];
  for (const mode of [1, 2, 9] as const) {
    const who = `${s.noun} ${MODES[mode]}`;
    const sub = `${s.category}.${mode}`;
    rows.push([sub, who, H]);
    for (const token of s.codes[mode].split(' ')) {
      const [fifth, sixths] = token.split(':') as [string, string | undefined];
      const code = `${sub}${fifth}`;
      rows.push(sixths ? [code, EXCEPTIONS[code] ?? title(s, who, fifth, null), H] : [code, EXCEPTIONS[code] ?? title(s, who, fifth, null)]);
      for (const sixth of sixths ?? '') rows.push([`${code}${sixth}`, EXCEPTIONS[`${code}${sixth}`] ?? title(s, who, fifth, sixth)]);
    }
  }
  return rows;
}

const NICOTINE: readonly Row[] = [
  ['F17', 'Nicotine dependence', H],
  ['F17.2', 'Nicotine dependence', H],
  ...(
    [
      ['0', 'unspecified'],
      ['1', 'cigarettes'],
      ['2', 'chewing tobacco'],
      ['9', 'other tobacco product'],
    ] as const
  ).flatMap(([digit, product]): Row[] => {
    const at = `F17.2${digit}`;
    const t = `Nicotine dependence, ${product}`;
    return [
      [at, t, H],
      [`${at}0`, `${t}, uncomplicated`],
      [`${at}1`, `${t}, in remission`],
      // CMS writes this one title without the comma.
      [`${at}3`, digit === '0' ? 'Nicotine dependence unspecified, with withdrawal' : `${t}, with withdrawal`],
      [`${at}8`, `${t}, with other nicotine-induced disorders`],
      [`${at}9`, `${t}, with unspecified nicotine-induced disorders`],
    ];
  }),
];

/** F10-F19, in tabular order (F17 between F16 and F18). */
export const F10_F19: readonly Row[] = SUBSTANCES.flatMap((s) => (s.category === 'F18' ? [...NICOTINE, ...substanceRows(s)] : substanceRows(s)));
