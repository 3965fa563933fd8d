/**
 * CMS Place of Service codes used in behavioral health, with our own short wording.
 * Source: CMS Place of Service Code Set (the list as published in 2024, including codes 02 and 10
 * for telehealth). Locations carry one; claims use it (or a telehealth code) per service.
 */
export const PLACE_OF_SERVICE_VERSION = 'CMS POS code set, 2024 release';

export const PLACES_OF_SERVICE: readonly { code: string; name: string }[] = [
  { code: '02', name: 'Telehealth, patient not at home' },
  { code: '03', name: 'School' },
  { code: '04', name: 'Homeless shelter' },
  { code: '10', name: "Telehealth, patient at home" },
  { code: '11', name: 'Office' },
  { code: '12', name: 'Home' },
  { code: '22', name: 'Hospital outpatient, on campus' },
  { code: '31', name: 'Skilled nursing facility' },
  { code: '32', name: 'Nursing facility' },
  { code: '33', name: 'Custodial care facility' },
  { code: '49', name: 'Independent clinic' },
  { code: '50', name: 'Federally qualified health center' },
  { code: '51', name: 'Inpatient psychiatric facility' },
  { code: '52', name: 'Psychiatric facility, partial hospitalization' },
  { code: '53', name: 'Community mental health center' },
  { code: '55', name: 'Residential substance use treatment facility' },
  { code: '56', name: 'Psychiatric residential treatment center' },
  { code: '57', name: 'Non-residential substance use treatment facility' },
  { code: '58', name: 'Non-residential opioid treatment facility' },
  { code: '72', name: 'Rural health clinic' },
  { code: '99', name: 'Other place of service' },
];

export const isPlaceOfService = (code: string) => PLACES_OF_SERVICE.some((p) => p.code === code);
