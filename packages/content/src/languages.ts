/**
 * Languages offered for a patient's preferred language: BCP 47 tags (ISO 639) with English names.
 * Ordered by how often they are spoken at home in the United States (American Community Survey),
 * with American Sign Language added. Any valid tag is accepted by the API; this list drives pickers.
 */
export const LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
  { code: 'zh', name: 'Chinese' },
  { code: 'tl', name: 'Tagalog' },
  { code: 'vi', name: 'Vietnamese' },
  { code: 'ar', name: 'Arabic' },
  { code: 'fr', name: 'French' },
  { code: 'ko', name: 'Korean' },
  { code: 'ru', name: 'Russian' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'ht', name: 'Haitian Creole' },
  { code: 'de', name: 'German' },
  { code: 'hi', name: 'Hindi' },
  { code: 'ja', name: 'Japanese' },
  { code: 'pl', name: 'Polish' },
  { code: 'so', name: 'Somali' },
  { code: 'ase', name: 'American Sign Language' },
];

export const languageName = (code: string | null | undefined): string =>
  code ? (LANGUAGES.find((l) => l.code === code)?.name ?? code) : '';
