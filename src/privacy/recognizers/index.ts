import { enAddressRecognizer } from './address-en.js';
import { zhAddressRecognizer } from './address-zh.js';
import { ageRecognizer } from './age.js';
import { bankCardRecognizer } from './bank-card.js';
import { dateRecognizer } from './date.js';
import { deviceIdRecognizer } from './device-id.js';
import { emailRecognizer } from './email.js';
import { idCardRecognizer } from './id-card-cn.js';
import { insuranceNumberRecognizer } from './insurance-number.js';
import { ipAddressRecognizer } from './ip-address.js';
import { licensePlateRecognizer } from './license-plate-cn.js';
import { medicalRecordNumberRecognizer } from './medical-record-number.js';
import { enOrganizationRecognizer } from './organization-en.js';
import { zhOrganizationRecognizer } from './organization-zh.js';
import { passportRecognizer } from './passport.js';
import { enPersonNameRecognizer } from './person-name-en.js';
import { zhPersonNameRecognizer } from './person-name-zh.js';
import { phoneRecognizer } from './phone.js';
import { postalCodeRecognizer } from './postal-code.js';
import type { PhiRecognizer } from './recognizer.js';
import { ssnRecognizer } from './ssn-us.js';
import { urlRecognizer } from './url.js';

export type { ContextWords, PatternSpec, PhiRecognizer, RecognizerContext } from './recognizer.js';

/** Every recognizer implementation, by name; `registry.json` says which run by default. */
export const RECOGNIZERS: ReadonlyMap<string, PhiRecognizer> = new Map(
  [
    zhPersonNameRecognizer,
    enPersonNameRecognizer,
    dateRecognizer,
    ageRecognizer,
    phoneRecognizer,
    idCardRecognizer,
    passportRecognizer,
    ssnRecognizer,
    medicalRecordNumberRecognizer,
    zhAddressRecognizer,
    enAddressRecognizer,
    postalCodeRecognizer,
    emailRecognizer,
    urlRecognizer,
    ipAddressRecognizer,
    zhOrganizationRecognizer,
    enOrganizationRecognizer,
    bankCardRecognizer,
    insuranceNumberRecognizer,
    licensePlateRecognizer,
    deviceIdRecognizer,
  ].map((r) => [r.name, r]),
);
