import { isIPv6 } from 'node:net';
import { createPatternRecognizer } from './recognizer.js';

/** IP addresses (HIPAA identifier (O)): dotted-quad IPv4 with octets ≤ 255, and IPv6 as Node parses it. */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export const ipAddressRecognizer = createPatternRecognizer({
  name: 'ip-address',
  languages: ['zh', 'en'],
  patterns: [
    { name: 'ipv4', type: 'IP', regex: new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g'), score: 0.6 },
    {
      name: 'ipv6',
      type: 'IP',
      regex: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![\w:.])/g,
      score: 0.85,
      requires: [':'],
      validate: (value) => value.length > 2 && isIPv6(value) && /[0-9A-Fa-f]{2}/.test(value),
    },
  ],
  context: { zh: ['IP', 'ip地址', '服务器', '主机'], en: ['ip', 'ip address', 'host', 'server', 'ipv4', 'ipv6'] },
});
