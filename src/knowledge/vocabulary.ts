/**
 * The MSP vocabulary: words and phrases that mean the same thing to a technician. Each group names a
 * concept; a document or query holding any of its variants also holds the concept's term, so "AD" finds
 * "Active Directory", "junk" finds "spam" and "yearly" finds "annual", in both directions. Variants are
 * matched on stems, over every word (filler too: "log in", "not allowed").
 */
import { Word, words } from './words';

const GROUPS: Record<string, string[]> = {
  // directory, identity, sign-in
  ad: ['ad', 'active directory', 'aduc', 'ad ds'],
  dc: ['dc', 'domain controller', 'pdc', 'pdc emulator'],
  gpo: ['gpo', 'group policy', 'group policy object', 'gp', 'gpupdate'],
  ou: ['ou', 'organizational unit', 'organisational unit'],
  mfa: ['mfa', '2fa', 'multi factor', 'multifactor', 'two factor', 'second factor', 'two step verification'],
  tap: ['tap', 'temporary access pass'],
  conditionalaccess: ['conditional access', 'ca policy'],
  entra: ['entra', 'entra id', 'azure ad', 'aad', 'azure active directory'],
  password: ['password', 'pw', 'pwd', 'passwd', 'passphrase'],
  signin: ['sign in', 'signin', 'log in', 'login', 'logon', 'log on'],
  lockout: ['lockout', 'locked out', 'lock out', 'account blocked'],
  account: ['account', 'acct'],
  user: ['user', 'staff', 'employee', 'people', 'person', 'colleague'],
  permission: ['permission', 'perms', 'acl', 'access rights', 'rights'],
  denied: ['access denied', 'permission denied', 'not allowed', 'unauthorized', 'unauthorised', 'forbidden'],
  service: ['service', 'svc'],
  // mail
  m365: ['m365', 'o365', 'office 365', 'microsoft 365', 'ms365'],
  exo: ['exo', 'exchange online'],
  email: ['email', 'e mail', 'mail', 'message', 'messages'],
  spam: ['spam', 'junk', 'junk mail', 'junk folder', 'junk e mail'],
  spf: ['spf', 'sender policy framework', 'sender policy'],
  dkim: ['dkim', 'domainkeys'],
  dmarc: ['dmarc'],
  bounce: ['bounce', 'bounced', 'ndr', 'undeliverable', 'non delivery report', 'rejected', 'reject'],
  mailbox: ['mailbox', 'inbox'],
  // network
  dns: ['dns', 'name resolution', 'resolver', 'nslookup', 'name server'],
  fwd: ['fwd', 'forwarder', 'forward'],
  dhcp: ['dhcp', 'ip lease', 'lease'],
  apipa: ['apipa', '169.254', 'self assigned', 'autoconfiguration address'],
  vpn: ['vpn', 'tunnel', 'ipsec', 'ssl vpn', 'wireguard', 'site to site', 'openvpn'],
  remoteaccess: ['remote access', 'remote user', 'home worker', 'work from home', 'wfh', 'home office', 'teleworker'],
  wifi: ['wifi', 'wi fi', 'wireless', 'wlan', 'ssid'],
  ap: ['ap', 'access point', 'wap'],
  firewall: ['firewall', 'fw', 'utm', 'fortigate', 'sonicwall', 'pfsense', 'fortios', 'sonicos'],
  ip: ['ip', 'ip address'],
  nat: ['nat', 'port forward', 'port forwarding', 'double nat'],
  voip: ['voip', 'sip', 'pbx', 'desk phone', 'ip phone', 'telephony', 'softphone'],
  audio: ['audio', 'sound', 'hear', 'voice'],
  internet: ['internet', 'wan', 'isp', 'broadband'],
  // devices and systems
  pc: ['pc', 'computer', 'workstation', 'desktop', 'endpoint'],
  laptop: ['laptop', 'notebook'],
  phone: ['phone', 'mobile', 'smartphone', 'cell phone', 'cellphone', 'iphone', 'android'],
  print: ['print', 'printer', 'printing'],
  copier: ['copier', 'photocopier', 'mfp', 'multifunction printer', 'multi function printer'],
  nas: ['nas', 'synology', 'qnap', 'readynas', 'network storage'],
  server: ['server', 'srv'],
  fileserver: ['file server', 'fs', 'file share', 'shared drive', 'network share', 'share'],
  drivemap: ['mapped drive', 'drive map', 'drive mapping', 'network drive', 'drive letter'],
  vm: ['vm', 'virtual machine', 'vms'],
  hyperv: ['hyperv', 'hyper v', 'hv'],
  hypervisor: ['hypervisor', 'hyperv', 'hyper v', 'esxi', 'vsphere host', 'hv'],
  snapshot: ['snapshot', 'checkpoint', 'avhdx'],
  sql: ['sql', 'sql server', 'mssql'],
  database: ['database', 'db'],
  remotedesktop: ['remote desktop', 'rdp', 'rds', 'terminal server', 'terminal services', 'rdsh', 'mstsc'],
  av: ['av', 'antivirus', 'anti virus', 'defender', 'endpoint protection', 'edr'],
  malware: ['malware', 'virus', 'ransomware', 'trojan', 'cryptolocker'],
  bsod: ['bsod', 'blue screen', 'stop error', 'bugcheck'],
  bitlocker: ['bitlocker', 'drive encryption', 'disk encryption', 'device encryption'],
  recoverykey: ['recovery key', 'recovery code', 'recovery password'],
  addin: ['add in', 'addin', 'plugin', 'plug in', 'addon', 'add on', 'extension'],
  certificate: ['certificate', 'cert', 'ssl certificate', 'tls certificate', 'ssl cert'],
  // backup and storage
  backup: ['backup', 'back up', 'copy', 'veeam', 'restore point'],
  offsite: ['offsite', 'off site', 'cloud backup'],
  full: ['full', 'fill', 'filled up', 'out of space', 'no space', 'no free space', 'disk full'],
  disk: ['disk', 'drive', 'hdd', 'ssd', 'volume', 'hard drive'],
  // updates and states
  update: ['update', 'patch', 'upgrade', 'hotfix', 'cumulative update', 'windows update', 'wsus'],
  restart: ['restart', 'reboot', 'power cycle', 'bounce the server'],
  boot: ['boot', 'startup', 'start up', 'power on'],
  slow: ['slow', 'sluggish', 'crawl', 'laggy', 'lag', 'takes ages', 'takes forever', 'performance'],
  drop: ['drop', 'disconnect', 'disconnected', 'kick out', 'kicked out', 'lose connection', 'lost connection', 'drops out'],
  stuck: ['stuck', 'hang', 'hung', 'freeze', 'frozen', 'stall', 'unresponsive'],
  prompt: ['prompt', 'popup', 'pop up', 'keeps asking', 'asks for'],
  blank: ['blank', 'empty'],
  lost: ['lost', 'stolen', 'missing'],
  external: ['external', 'outside', 'guest', 'third party'],
  multiuser: ['multi user', 'multiuser', 'several users', 'multiple users'],
  time: ['time', 'clock', 'ntp', 'time sync', 'w32tm'],
  annual: ['annual', 'yearly', 'every year', 'each year', 'per year', 'annually'],
  monthly: ['monthly', 'every month', 'each month'],
  renew: ['renew', 'renewal', 'extend the subscription'],
  licence: ['license', 'licence', 'licensing', 'licenced', 'licensed', 'subscription'],
  push: ['push notification', 'push', 'sign in request', 'approval request', 'approve sign in'],
};

interface Variant {
  stems: string[];
  concept: string;
}

let index: Map<string, Variant[]> | undefined;

/** Variants by their first stem, built on first use (text-analysis and this module import each other). */
function variants(): Map<string, Variant[]> {
  if (index) return index;
  index = new Map();
  for (const [name, phrases] of Object.entries(GROUPS)) {
    // the concept's term is its name's stem, so "backup" in a text is the backup concept, counted once
    const concept = words(name)[0].stem;
    for (const phrase of phrases) {
      const stems = words(phrase).map((w) => w.stem);
      if (!stems.length) continue;
      index.set(stems[0], [...(index.get(stems[0]) ?? []), { stems, concept }]);
    }
  }
  return index;
}

/** A concept found in a word list: its term and the words [start, end) it spans. */
export interface ConceptMatch {
  concept: string;
  start: number;
  end: number;
}

/** Every vocabulary variant standing in the words, each concept once per place. */
export function conceptsOf(list: Word[]): ConceptMatch[] {
  const found: ConceptMatch[] = [];
  const known = variants();
  list.forEach((word, start) => {
    for (const variant of known.get(word.stem) ?? []) {
      const end = start + variant.stems.length;
      if (end > list.length || !variant.stems.every((s, i) => list[start + i].stem === s)) continue;
      if (!found.some((f) => f.concept === variant.concept && f.start === start)) found.push({ concept: variant.concept, start, end });
    }
  });
  return found;
}
