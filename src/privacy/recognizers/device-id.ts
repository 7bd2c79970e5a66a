import { isLuhnValid } from '../checksums.js';
import { createPatternRecognizer } from './recognizer.js';

/**
 * Device identifiers and serial numbers (HIPAA identifier (M)): MAC addresses, IMEIs (15 digits
 * whose last is a Luhn check digit, 3GPP TS 23.003) after a label, and labelled serial numbers of
 * implants and equipment (序列号, S/N, UDI).
 */
function validateImei(value: string): number {
  return isLuhnValid(value) ? 1 : 0.3;
}

export const deviceIdRecognizer = createPatternRecognizer({
  name: 'device-id',
  languages: ['zh', 'en'],
  patterns: [
    {
      name: 'mac-address',
      type: 'DEVICE_ID',
      regex:
        /(?<![0-9A-Za-z]|(?:^|[^0-9A-Za-z])[0-9A-Fa-f]{2}[:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\dA-Fa-f:-])/g,
      score: 0.8,
    },
    {
      name: 'imei',
      type: 'DEVICE_ID',
      regex: /(?<![A-Za-z])(?:IMEI|串号|设备识别码)\s*(?:号|码)?\s*[:#]?\s*(?<v>\d{15})(?!\d)/dgi,
      group: 'v',
      score: 0.95,
      validate: validateImei,
    },
    {
      name: 'labelled-serial',
      type: 'DEVICE_ID',
      regex:
        /(?<![A-Za-z])(?:设备序列号|序列号|设备编号|设备号|仪器编号|器械编号|起搏器编号|[Ss]erial (?:[Nn]umber|[Nn]o\.?|#)|S\/N|SN|[Dd]evice (?:ID|[Nn]umber|[Ss]erial)|UDI)\s*[:#]?\s*(?<v>[A-Za-z0-9](?:[A-Za-z0-9-]{3,28})[A-Za-z0-9])(?![A-Za-z0-9])/dg,
      group: 'v',
      score: 0.85,
      validate: (value) => /\d/.test(value),
    },
  ],
});
