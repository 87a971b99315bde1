import { TAG_NAME } from '../../entities/tag.entity';
import { WorkCategory } from '../../entities/work-item.entity';

/**
 * Rule-based categoriser for work-log text: picks a WorkCategory from weighted keyword tables and pulls out
 * technologies, commands, files and hosts. Pure and deterministic: the same text always gives the same result.
 */
export interface Categorization {
  category: WorkCategory;
  /** Normalised tag names: lowercase, match /^[a-z0-9][a-z0-9._-]{0,49}$/, unique, at most 8, most relevant first (technologies first, then the category name lowercased; none for OTHER). */
  tags: string[];
  /** Command lines or cmdlets mentioned (e.g. "Get-LocalUser", "ipconfig /flushdns", "systemctl restart nginx", text inside `backticks` that looks like a command). Unique, at most 10, each at most 200 chars. */
  commands: string[];
  /** File paths mentioned (Windows C:\..., UNC \\server\share\..., POSIX /etc/..., ~/..., relative src/foo.ts, bare names with a known extension like web.config, package.json). Unique, at most 10. */
  files: string[];
  /** Host names and IP addresses mentioned: IPv4, FQDNs, NetBIOS-style names like DC01, and the server of a URL or UNC path. Never e-mail domains, file names or versions. Unique, at most 10. */
  hosts: string[];
  /** Canonical technology names from the dictionary below, in order of first mention. Unique, at most 10. */
  technologies: string[];
  /** One dense line (at most 160 chars, no newline): the first sentence of the text tidied, cut at a word boundary with "…" when longer. */
  description: string;
  /** 0–100: how sure the rules are (evidence strength times the margin over the runner-up); 0 when nothing matched. */
  confidence: number;
}

type ScoredCategory = Exclude<WorkCategory, WorkCategory.OTHER>;

const { INFRASTRUCTURE, TROUBLESHOOTING, CONFIGURATION, DEVELOPMENT, SECURITY, DOCUMENTATION, RESEARCH, COMMUNICATION, MAINTENANCE } =
  WorkCategory;

/** The caller limits the length; reading no further than this keeps the cost bounded whatever it passes. */
const MAX_INPUT = 20_000;
const MAX_TAGS = 8;
const MAX_LIST = 10;
const MAX_COMMAND_LENGTH = 200;
const MAX_COMMAND_PARTS = 16;
const MAX_DESCRIPTION = 160;
/** Longer "paths" or "host names" are junk, not names (Windows MAX_PATH, the DNS name limit). */
const MAX_PATH_LENGTH = 260;
const MAX_HOST_LENGTH = 253;

/** Ties go to the earlier category: faults and security work must not be under-counted, then specific kinds before generic ones. */
const CATEGORY_PRIORITY: ScoredCategory[] = [
  SECURITY,
  TROUBLESHOOTING,
  DEVELOPMENT,
  INFRASTRUCTURE,
  CONFIGURATION,
  MAINTENANCE,
  COMMUNICATION,
  DOCUMENTATION,
  RESEARCH,
];

/**
 * Weighted terms per category, matched case-insensitively on whole words; punctuation counts as a space, so
 * "pre-shared key" is written "pre shared key". A trailing * matches any word ending ("patch*": patched, patching).
 * Weights: 3 = a phrase or word that names the activity, 2 = typical of it, 1 = a weak hint.
 */
const CATEGORY_TERMS: Record<ScoredCategory, Record<string, number>> = {
  [TROUBLESHOOTING]: {
    'troubleshoot*': 3,
    'diagnos*': 3,
    'root cause': 3,
    'not working': 3,
    'stopped working': 3,
    "didn't work": 3,
    "doesn't work": 3,
    "wasn't working": 3,
    workaround: 3,
    'blue screen': 3,
    bsod: 3,
    'fix*': 2,
    'fail*': 2,
    'crash*': 2,
    broken: 2,
    outage: 2,
    resolved: 2,
    'investigat*': 2,
    'debug*': 2,
    hung: 2,
    hangs: 2,
    'freez*': 2,
    'timed out': 2,
    'timeout*': 2,
    unreachable: 2,
    'could not': 2,
    "couldn't": 2,
    'unable to': 2,
    stuck: 2,
    traced: 2,
    dropping: 2,
    'disconnect*': 2,
    'corrupt*': 2,
    'intermittent*': 2,
    'no longer': 2,
    'repair*': 2,
    'error*': 1,
    'issue*': 1,
    'problem*': 1,
    reported: 1,
    slow: 1,
    'warning*': 1,
    'restart*': 1,
    connectivity: 1,
  },
  [COMMUNICATION]: {
    called: 3,
    'phone call': 3,
    'call with': 3,
    'teams call': 3,
    emailed: 3,
    'e mailed': 3,
    meeting: 3,
    'met with': 3,
    'spoke with': 3,
    'spoke to': 3,
    'talked to': 3,
    'talked with': 3,
    'on the phone': 3,
    'discuss*': 2,
    informed: 2,
    notified: 2,
    explained: 2,
    replied: 2,
    responded: 2,
    'followed up': 2,
    'follow up': 2,
    briefed: 2,
    voicemail: 2,
    'call back': 2,
    callback: 2,
    rang: 2,
    agreed: 1,
    asked: 1,
    vendor: 1,
    phone: 1,
    'email*': 1,
    'e mail*': 1,
    call: 1,
    calls: 1,
  },
  [DOCUMENTATION]: {
    documented: 3,
    documentation: 3,
    documenting: 3,
    wiki: 3,
    'runbook*': 3,
    readme: 3,
    'knowledge base': 3,
    'kb article*': 3,
    'wrote up': 3,
    'write up': 3,
    'wrote down': 3,
    'how to guide': 3,
    'it glue': 2,
    itglue: 2,
    hudu: 2,
    confluence: 2,
    'diagram*': 2,
    handover: 2,
    sop: 2,
    changelog: 2,
    docs: 2,
    notes: 1,
    'procedure*': 1,
    'screenshot*': 1,
  },
  [RESEARCH]: {
    'research*': 3,
    compared: 3,
    comparing: 3,
    comparison: 3,
    'evaluat*': 3,
    'looked into': 3,
    'looking into': 3,
    'read up': 3,
    'pros and cons': 3,
    'proof of concept': 3,
    feasibility: 3,
    'release notes': 3,
    'look into': 2,
    'find out': 2,
    'found out': 2,
    'alternative*': 2,
    pricing: 2,
    'benchmark*': 2,
    explored: 2,
    studied: 2,
    poc: 2,
    options: 1,
    'learn*': 1,
    trial: 1,
    reviewed: 1,
  },
  [MAINTENANCE]: {
    maintenance: 3,
    'windows update*': 3,
    'backup job*': 3,
    'backup check*': 3,
    'cleaned up': 3,
    'clean up': 3,
    cleanup: 3,
    housekeeping: 3,
    'health check*': 3,
    'firmware update*': 3,
    'restore test*': 3,
    'log rotation': 3,
    toner: 3,
    'patch*': 2,
    updates: 2,
    'upgrad*': 2,
    'backup*': 2,
    monthly: 2,
    weekly: 2,
    routine: 2,
    firmware: 2,
    'renew*': 2,
    freed: 2,
    purged: 2,
    'defrag*': 2,
    'disk space': 2,
    updated: 1,
    checked: 1,
    'reboot*': 1,
    'expir*': 1,
    'archiv*': 1,
  },
  [SECURITY]: {
    cve: 4,
    'firewall rule*': 3,
    mfa: 3,
    '2fa': 3,
    'multi factor': 3,
    'two factor': 3,
    phishing: 3,
    malware: 3,
    ransomware: 3,
    'password reset*': 3,
    'harden*': 3,
    'vulnerab*': 3,
    'exploit*': 3,
    'security update*': 3,
    'security patch*': 3,
    revoked: 3,
    compromised: 3,
    'breach*': 3,
    suspicious: 3,
    'conditional access': 3,
    'least privilege': 3,
    'domain admins': 3,
    'pen test*': 3,
    'pentest*': 3,
    'access review*': 3,
    security: 2,
    'permission*': 2,
    'password*': 2,
    'rotat*': 2,
    'pre shared key': 2,
    'credential*': 2,
    'offboard*': 2,
    lockout: 2,
    'locked out': 2,
    incident: 2,
    'encrypt*': 2,
    antivirus: 2,
    'virus*': 2,
    'quarantin*': 2,
    'audit*': 2,
    privileged: 2,
    'admin rights': 2,
    edr: 2,
    siem: 2,
    'acl*': 2,
    spam: 1,
    'certificate*': 1,
    'block*': 1,
    firewall: 1,
  },
  [DEVELOPMENT]: {
    'implement*': 3,
    'refactor*': 3,
    'wrote a script': 3,
    'powershell script': 3,
    'bash script': 3,
    'python script': 3,
    'unit test*': 3,
    'integration test*': 3,
    'test suite': 3,
    'pull request*': 3,
    'merge request*': 3,
    'code review*': 3,
    'feature branch': 3,
    'commit*': 2,
    merged: 2,
    'rebas*': 2,
    bugfix: 2,
    'resolver*': 2,
    'mutation*': 2,
    'compil*': 2,
    'lint*': 2,
    coded: 2,
    'endpoint*': 1,
    api: 1,
    schema: 1,
    feature: 1,
    code: 1,
    'script*': 1,
    tests: 1,
    'function*': 1,
    repo: 1,
    repository: 1,
    'pipeline*': 1,
    ci: 1,
    build: 1,
    development: 1,
    'developer*': 1,
    pr: 1,
    bug: 1,
    pushed: 1,
  },
  [CONFIGURATION]: {
    'configur*': 3,
    'changed setting*': 3,
    'changed the setting*': 3,
    'drive mapping*': 3,
    'mapped drive*': 3,
    'dns record*': 3,
    'mx record*': 3,
    'dhcp scope': 3,
    'port forward*': 3,
    'nat rule*': 3,
    'static ip': 3,
    'set up': 2,
    setup: 2,
    adjusted: 2,
    'tweak*': 2,
    'shared mailbox*': 2,
    'distribution list*': 2,
    'reservation*': 2,
    registry: 2,
    mapped: 2,
    'group membership': 2,
    'onboard*': 2,
    'setting*': 1,
    enabled: 1,
    disabled: 1,
    changed: 1,
    'polic*': 1,
    scope: 1,
    'mailbox*': 1,
    'licen*': 1,
    assigned: 1,
    'profile*': 1,
    'preference*': 1,
  },
  [INFRASTRUCTURE]: {
    'provision*': 3,
    'virtual machine*': 3,
    'hypervisor*': 3,
    cabling: 3,
    'patch panel*': 3,
    'access point*': 3,
    'load balancer*': 3,
    'decommission*': 3,
    'spun up': 3,
    'stood up': 3,
    'new server*': 3,
    'new nas': 3,
    'data center': 2,
    datacenter: 2,
    'server room': 2,
    'comms room': 2,
    vm: 2,
    vms: 2,
    switch: 2,
    switches: 2,
    'rack*': 2,
    'cable*': 2,
    nas: 2,
    san: 2,
    ups: 2,
    'router*': 2,
    storage: 2,
    'cluster*': 2,
    'datastore*': 2,
    'subnet*': 2,
    wan: 2,
    isp: 2,
    fibre: 2,
    fiber: 2,
    'uplink*': 2,
    'migrat*': 2,
    'deploy*': 2,
    hardware: 2,
    capacity: 1,
    network: 1,
    'server*': 1,
    'install*': 1,
    cloud: 1,
    tenant: 1,
    'container*': 1,
    'disk*': 1,
    'replac*': 1,
  },
};

/** [canonical name, extra aliases, category it hints at]. The name itself is always an alias. */
type TechnologyRow = readonly [name: string, aliases: readonly string[], hint?: ScoredCategory];

const TECHNOLOGIES: readonly TechnologyRow[] = [
  ['Active Directory', ['ad', 'ad ds', 'aduc', 'domain controller', 'domain admins']],
  ['AD CS', ['adcs', 'certificate services']],
  ['Entra ID', ['entra', 'azure ad', 'aad', 'azure active directory'], SECURITY],
  ['Group Policy', ['gpo', 'gpos', 'gpupdate', 'gpresult'], CONFIGURATION],
  ['PowerShell', ['pwsh', 'ps1']],
  ['Microsoft 365', ['m365', 'o365', 'office 365']],
  ['Exchange Online', ['exo']],
  ['Exchange', ['exchange server', 'exchange 2013', 'exchange 2016', 'exchange 2019']],
  ['Outlook', []],
  ['Teams', ['ms teams', 'microsoft teams'], COMMUNICATION],
  ['SharePoint', ['sharepoint online', 'spo']],
  ['OneDrive', []],
  ['Intune', ['endpoint manager'], CONFIGURATION],
  ['Azure', [], INFRASTRUCTURE],
  ['AWS', ['amazon web services', 'ec2', 's3'], INFRASTRUCTURE],
  ['Google Workspace', ['g suite', 'gsuite']],
  ['Cloudflare', [], INFRASTRUCTURE],
  ['Hyper-V', ['hyperv'], INFRASTRUCTURE],
  ['VMware', ['vsphere', 'esxi', 'vcenter'], INFRASTRUCTURE],
  ['Proxmox', [], INFRASTRUCTURE],
  ['Veeam', [], MAINTENANCE],
  ['Backup', ['backups'], MAINTENANCE],
  ['Docker', ['dockerfile', 'docker compose']],
  ['Kubernetes', ['k8s', 'kubectl'], INFRASTRUCTURE],
  ['Terraform', [], INFRASTRUCTURE],
  ['Ansible', [], CONFIGURATION],
  ['nginx', []],
  ['Apache', ['apache2', 'httpd']],
  ['IIS', []],
  ['MariaDB', []],
  ['MySQL', []],
  ['PostgreSQL', ['postgres', 'psql']],
  // Versioned names keep "SQL Server 2019" from reading as "Server 2019" (Windows Server).
  [
    'SQL Server',
    ['mssql', 'ssms', 'sql server 2012', 'sql server 2014', 'sql server 2016', 'sql server 2017', 'sql server 2019', 'sql server 2022'],
  ],
  ['SQLite', []],
  ['Redis', []],
  ['DNS', []],
  ['DHCP', []],
  ['VPN', ['ipsec', 'site to site']],
  ['WireGuard', []],
  ['VLAN', ['vlans']],
  ['Wi-Fi', ['wifi', 'wlan']],
  [
    'Windows Server',
    ['server 2008', 'server 2008 r2', 'server 2012', 'server 2012 r2', 'server 2016', 'server 2019', 'server 2022', 'server 2025'],
  ],
  ['Windows Update', ['windows updates', 'wsus'], MAINTENANCE],
  ['Windows', ['windows 10', 'windows 11', 'win10', 'win11']],
  ['macOS', ['mac os', 'osx']],
  ['Linux', []],
  ['Ubuntu', []],
  ['Debian', []],
  ['RHEL', ['red hat', 'redhat']],
  ['Synology', [], INFRASTRUCTURE],
  ['ReadyNAS', [], INFRASTRUCTURE],
  ['QNAP', [], INFRASTRUCTURE],
  ['TrueNAS', ['freenas'], INFRASTRUCTURE],
  ['RAID', [], INFRASTRUCTURE],
  ['iSCSI', [], INFRASTRUCTURE],
  ['Fortinet', ['fortigate', 'fortios', 'forticlient'], SECURITY],
  ['pfSense', [], SECURITY],
  ['OPNsense', [], SECURITY],
  ['Sophos', [], SECURITY],
  ['SonicWall', [], SECURITY],
  ['Ubiquiti', ['unifi'], INFRASTRUCTURE],
  ['Cisco', ['meraki'], INFRASTRUCTURE],
  ['MikroTik', ['routeros'], INFRASTRUCTURE],
  ['SMB', ['cifs']],
  ['DFS', ['dfsr', 'dfs r']],
  ['NTFS', []],
  ['RDP', ['remote desktop', 'mstsc', 'rds']],
  ['SSH', ['openssh']],
  ['LDAP', []],
  ['Kerberos', []],
  ['SMTP', []],
  ['NTP', []],
  ['TLS', ['ssl']],
  ["Let's Encrypt", ['letsencrypt', 'certbot']],
  ['BitLocker', [], SECURITY],
  ['Defender', ['microsoft defender', 'windows defender', 'mde'], SECURITY],
  ['CrowdStrike', [], SECURITY],
  ['ESET', [], SECURITY],
  ['Okta', [], SECURITY],
  ['Event Viewer', ['event log', 'event logs', 'eventvwr'], TROUBLESHOOTING],
  ['TypeScript', [], DEVELOPMENT],
  ['JavaScript', [], DEVELOPMENT],
  ['Node.js', ['nodejs'], DEVELOPMENT],
  ['Python', [], DEVELOPMENT],
  ['GraphQL', [], DEVELOPMENT],
  ['TypeORM', [], DEVELOPMENT],
  ['DataLoader', [], DEVELOPMENT],
  ['Jest', [], DEVELOPMENT],
  ['Git', [], DEVELOPMENT],
  ['GitHub', [], DEVELOPMENT],
  ['GitLab', [], DEVELOPMENT],
];

/** Scores the opening words ("Called…", "Patched…") higher: they usually name the main activity. */
const LEAD_FACTOR = 2;
/** A technology only nudges the category (Defender → SECURITY); the wording decides. */
const TECHNOLOGY_WEIGHT = 1;
/** A best score this high (e.g. three strong terms) is full evidence; below it confidence shrinks proportionally. */
const FULL_EVIDENCE = 8;

/** Verbs of PowerShell cmdlets, so "Get-LocalUser" is a command while "Hyper-V" and "Wi-Fi" are not. */
const POWERSHELL_VERBS = new Set([
  'Add',
  'Backup',
  'Clear',
  'Compare',
  'Connect',
  'ConvertFrom',
  'ConvertTo',
  'Copy',
  'Disable',
  'Disconnect',
  'Dismount',
  'Enable',
  'Enter',
  'Exit',
  'Export',
  'Find',
  'ForEach',
  'Format',
  'Get',
  'Grant',
  'Import',
  'Install',
  'Invoke',
  'Measure',
  'Mount',
  'Move',
  'New',
  'Out',
  'Publish',
  'Read',
  'Register',
  'Remove',
  'Rename',
  'Repair',
  'Reset',
  'Resolve',
  'Restart',
  'Restore',
  'Resume',
  'Revoke',
  'Save',
  'Search',
  'Select',
  'Send',
  'Set',
  'Show',
  'Sort',
  'Start',
  'Stop',
  'Suspend',
  'Sync',
  'Test',
  'Unblock',
  'Uninstall',
  'Unlock',
  'Unregister',
  'Update',
  'Wait',
  'Where',
  'Write',
]);

/** Distinctive command words: they count on their own ("ran gpupdate on all clients"). */
const COMMANDS = new Set([
  'ipconfig',
  'nslookup',
  'tracert',
  'traceroute',
  'netstat',
  'gpupdate',
  'gpresult',
  'dcdiag',
  'repadmin',
  'nltest',
  'whoami',
  'sfc',
  'dism',
  'chkdsk',
  'robocopy',
  'xcopy',
  'icacls',
  'certutil',
  'schtasks',
  'wmic',
  'bcdedit',
  'diskpart',
  'journalctl',
  'iptables',
  'tcpdump',
  'nmap',
  'sqlcmd',
  'mstsc',
  'ifconfig',
  'crontab',
  'chmod',
  'chown',
  'rsync',
  'wget',
  'openssl',
  'npx',
]);

/** Command words that are also ordinary words ("ping the server"): they count only with a technical argument ("ping DC01"). */
const ARGUMENT_COMMANDS = new Set([
  'ping',
  'cat',
  'tail',
  'grep',
  'dig',
  'mount',
  'curl',
  'ssh',
  'scp',
  'ls',
  'df',
  'du',
  'shutdown',
  'psql',
  'mysql',
]);

/** Command words that count only with one of their sub-commands ("git pull", but not "the git repo"). */
const SUBCOMMANDS = new Map<string, readonly string[]>([
  [
    'git',
    [
      'pull',
      'push',
      'commit',
      'status',
      'log',
      'diff',
      'checkout',
      'clone',
      'fetch',
      'merge',
      'rebase',
      'reset',
      'stash',
      'branch',
      'tag',
      'add',
      'restore',
      'switch',
      'revert',
    ],
  ],
  [
    'docker',
    [
      'compose',
      'run',
      'exec',
      'ps',
      'logs',
      'restart',
      'stop',
      'start',
      'pull',
      'push',
      'build',
      'images',
      'system',
      'volume',
      'network',
      'inspect',
      'rm',
      'rmi',
    ],
  ],
  ['kubectl', ['get', 'describe', 'apply', 'delete', 'logs', 'rollout', 'exec', 'scale', 'edit', 'config', 'top']],
  ['helm', ['install', 'upgrade', 'uninstall', 'list', 'rollback', 'repo']],
  ['systemctl', ['start', 'stop', 'restart', 'reload', 'status', 'enable', 'disable']],
  ['net', ['use', 'user', 'stop', 'start', 'localgroup', 'group', 'share', 'time', 'view', 'session', 'accounts']],
  ['sc', ['query', 'queryex', 'qc', 'config', 'start', 'stop', 'delete']],
  ['netsh', ['advfirewall', 'firewall', 'interface', 'int', 'winsock', 'wlan', 'winhttp', 'http', 'dhcp', 'lan']],
  ['apt', ['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'search']],
  ['apt-get', ['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove']],
  ['yum', ['install', 'update', 'upgrade', 'remove']],
  ['dnf', ['install', 'update', 'upgrade', 'remove']],
  ['npm', ['install', 'i', 'ci', 'run', 'test', 'audit', 'update', 'outdated', 'ls', 'publish', 'start']],
  ['yarn', ['install', 'add', 'remove', 'run', 'test', 'build', 'upgrade']],
  ['pnpm', ['install', 'add', 'remove', 'run', 'test', 'update']],
  ['pip', ['install', 'uninstall', 'list', 'freeze', 'show']],
  ['winget', ['install', 'upgrade', 'uninstall', 'list', 'search']],
  ['choco', ['install', 'upgrade', 'uninstall', 'list', 'search']],
  ['certbot', ['renew', 'certonly', 'certificates', 'delete']],
  ['terraform', ['init', 'plan', 'apply', 'destroy', 'validate', 'fmt', 'import', 'state']],
  ['ufw', ['allow', 'deny', 'status', 'enable', 'disable', 'reload']],
  ['reg', ['query', 'add', 'delete', 'export', 'import']],
  ['az', ['login', 'vm', 'account', 'group', 'network', 'storage', 'ad', 'webapp']],
  ['aws', ['s3', 'ec2', 'iam', 'sts', 'configure']],
]);

/** Prose words that end a command line rather than belong to it ("systemctl restart nginx and checked…"). */
const STOP_WORDS = new Set([
  'a',
  'again',
  'an',
  'and',
  'as',
  'at',
  'because',
  'but',
  'by',
  'for',
  'from',
  'in',
  'instead',
  'into',
  'is',
  'it',
  'of',
  'on',
  'or',
  'so',
  'that',
  'the',
  'then',
  'to',
  'was',
  'which',
  'with',
]);

/** Tokens that separate two commands on one line. */
const COMMAND_SEPARATORS = new Set(['&&', '||', '|', ';', '&', '-', '–', '—']);

const FILE_EXTENSIONS = new Set([
  'config',
  'conf',
  'cfg',
  'ini',
  'json',
  'yml',
  'yaml',
  'xml',
  'toml',
  'env',
  'properties',
  'ts',
  'tsx',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'cs',
  'php',
  'sh',
  'bash',
  'ps1',
  'psm1',
  'psd1',
  'bat',
  'cmd',
  'vbs',
  'sql',
  'graphql',
  'gql',
  'md',
  'txt',
  'log',
  'csv',
  'tsv',
  'html',
  'htm',
  'css',
  'scss',
  'exe',
  'msi',
  'dll',
  'sys',
  'iso',
  'vhd',
  'vhdx',
  'vmdk',
  'ova',
  'ovf',
  'zip',
  '7z',
  'rar',
  'tar',
  'gz',
  'tgz',
  'bak',
  'pst',
  'ost',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'pptx',
  'rdp',
  'reg',
  'pem',
  'crt',
  'cer',
  'key',
  'pfx',
  'p12',
  'csr',
  'lock',
  'service',
  'timer',
]);

/** File names without an extension that are still plainly files. */
const KNOWN_FILE_NAMES = new Set([
  'dockerfile',
  'makefile',
  'jenkinsfile',
  'procfile',
  'vagrantfile',
  '.env',
  '.gitignore',
  '.npmrc',
  '.nvmrc',
  '.htaccess',
  '.bashrc',
  '.profile',
]);

/** Product names that look like file or domain names. */
const DOTTED_PRODUCT_NAMES = new Set([
  'node.js',
  'vue.js',
  'next.js',
  'nuxt.js',
  'chart.js',
  'express.js',
  'asp.net',
  'ado.net',
  'vb.net',
  'socket.io',
]);

/** POSIX top-level directories, so "/etc" is a path while "/flushdns" is a Windows switch. */
const POSIX_ROOTS = new Set([
  'bin',
  'boot',
  'dev',
  'etc',
  'home',
  'lib',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
]);

/** Top-level domains we accept in host names; an open pattern would turn "fixed.Then" into a host. */
const TOP_LEVEL_DOMAINS = new Set([
  'com',
  'net',
  'org',
  'local',
  'lan',
  'internal',
  'corp',
  'home',
  'intra',
  'localdomain',
  'io',
  'dev',
  'app',
  'cloud',
  'biz',
  'info',
  'co',
  'me',
  'eu',
  'de',
  'at',
  'ch',
  'li',
  'lu',
  'nl',
  'be',
  'fr',
  'it',
  'es',
  'pt',
  'uk',
  'ie',
  'us',
  'ca',
  'au',
  'nz',
  'se',
  'no',
  'dk',
  'fi',
  'pl',
  'cz',
  'sk',
  'hu',
  'ro',
  'gr',
  'jp',
  'in',
  'br',
  'arpa',
  'edu',
  'gov',
  'tech',
  'online',
  'xyz',
  'ai',
]);

/** Upper-case words with digits that are standards, versions or references rather than machines (CVE-2024-…, KB5034441, SHA256). */
const NOT_HOST_PREFIXES = [
  'CVE-',
  'KB',
  'MS',
  'RFC',
  'ISO',
  'SHA',
  'AES',
  'MD',
  'RSA',
  'TLS',
  'SSL',
  'SMB',
  'SMBV',
  'WPA',
  'RAID',
  'DDR',
  'USB',
  'CAT',
  'SFP',
  'IPV',
  'HTTP',
  'WIN',
  'WINDOWS',
  'OFFICE',
  'VLAN',
  'PHP',
  'ES',
  'FIDO',
  'OAUTH',
  'EC',
  'TPM',
  'LTO',
  'HDMI',
  'IE',
  'COM',
  'LPT',
  'NET',
  'GEN',
  'PCIE',
  'NVME',
  'MP',
  'PS',
  'FY',
  'PR',
];

/** Openers with no content ("ok, so I then restarted…" → "Restarted…"); those ending in a comma count only before one. */
const FILLERS = [
  'so',
  'ok',
  'okay',
  'then',
  'and',
  'also',
  'alright',
  'um',
  'uh',
  'basically',
  'anyway',
  'just',
  'i',
  'we',
  'well,',
  'right,',
  'now,',
  'next,',
  'first,',
  'finally,',
  'after that,',
  'afterwards,',
];

/** Words whose final dot does not end a sentence. */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'ca', 'cf', 'resp', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'nr']);

/** Whole backtick spans (they may contain spaces), otherwise runs of non-space; a lone backtick cannot glue words together. */
const TOKEN = /`[^`\n]{1,200}`|[^\s`]+|`/g;
const CMDLET = /^([A-Z][a-z]+)-[A-Z][A-Za-z0-9]+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_NETWORK = /^\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}$/;
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const NETBIOS_NAME = /^[A-Z][A-Z0-9-]{1,14}$/;
/** "OPS-1234" is a ticket; hosts like "SRV-01" are zero-padded. */
const TICKET_KEY = /^[A-Z]{2,}-[1-9]\d*$/;
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;
const WINDOWS_PATH = /^[A-Za-z]:\\[^\\]/;
const UNC_PATH = /^\\\\([^\\]+)\\[^\\]/;
const UNC_SERVER = /^\\\\([^\\]+)\\?$/;
const HOME_OR_RELATIVE_PATH = /^(?:~|\.{1,2})[\\/]/;

const OPENING_PUNCTUATION = `("'<[{“‘`;
const CLOSING_PUNCTUATION = `)"'>]}”’,.;:!?`;
/** A colon belongs to a command argument ("net use Z: …"); other punctuation ends the clause. */
const CLAUSE_END = ',.;!?)';

interface Term {
  category: ScoredCategory;
  needle: string;
  /** The needle's first word (or word beginning, for "patch*"), for the quick check in wordStarts. */
  first: string;
  weight: number;
}

interface Alias {
  needle: string;
  first: string;
  technology: number;
}

/** "Pre-shared KEY" → " pre shared key ": words separated and surrounded by single spaces, so whole words match with includes(). */
function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** The search string for a dictionary term; a trailing * leaves the word end open. */
function needleFor(term: string): string {
  return term.endsWith('*') ? wordsOf(term.slice(0, -1)).trimEnd() : wordsOf(term);
}

function firstWord(needle: string): string {
  return needle.trim().split(' ')[0];
}

const TERMS: readonly Term[] = CATEGORY_PRIORITY.flatMap((category) =>
  Object.entries(CATEGORY_TERMS[category]).map(([term, weight]) => {
    const needle = needleFor(term);
    return { category, needle, first: firstWord(needle), weight };
  }),
);

/** Longest aliases first, so "Exchange Online" wins over a shorter alias inside it. */
const ALIASES: readonly Alias[] = TECHNOLOGIES.flatMap(([name, aliases], technology) =>
  [name, ...aliases].map((alias) => {
    const needle = wordsOf(alias);
    return { needle, first: firstWord(needle), technology };
  }),
).sort((a, b) => b.needle.length - a.needle.length);

const LONGEST_FIRST_WORD = Math.max(...[...TERMS, ...ALIASES].map(({ first }) => first.length));

const SINGLE_WORD_ALIASES = new Set(ALIASES.map((a) => a.needle.trim()).filter((alias) => !alias.includes(' ')));

export function categorizeWork(text: string): Categorization {
  if (!text.trim())
    return { category: WorkCategory.OTHER, tags: [], commands: [], files: [], hosts: [], technologies: [], description: '', confidence: 0 };
  const input = text.slice(0, MAX_INPUT);
  const words = wordsOf(input);
  const starts = wordStarts(words);
  const description = describe(input);
  const technologies = findTechnologies(words, starts);
  const { category, confidence } = classify(words, starts, wordsOf(description), technologies);
  const tokens = input.match(TOKEN) ?? [];
  const { files, hosts } = extractNames(tokens);
  const technologyNames = technologies.map(([name]) => name);
  return {
    category,
    tags: tagsFor(technologyNames, category),
    commands: extractCommands(tokens),
    files,
    hosts,
    technologies: technologyNames,
    description,
    confidence,
  };
}

// ---- Category --------------------------------------------------------------------------------------------------

/**
 * Every word of the text and every beginning of one ("fixed" → f, fi, fix, fixe, fixed), up to the longest first word in
 * the dictionaries: a set lookup rules out most terms before the substring search, which keeps a typical call fast.
 */
function wordStarts(words: string): Set<string> {
  const starts = new Set<string>();
  for (const word of words.split(' ')) {
    for (let end = 1; end <= Math.min(word.length, LONGEST_FIRST_WORD); end++) starts.add(word.slice(0, end));
  }
  return starts;
}

function classify(
  words: string,
  starts: Set<string>,
  lead: string,
  technologies: readonly TechnologyRow[],
): { category: WorkCategory; confidence: number } {
  const scores = new Map<ScoredCategory, number>(CATEGORY_PRIORITY.map((category) => [category, 0]));
  const add = (category: ScoredCategory, points: number) => scores.set(category, (scores.get(category) ?? 0) + points);
  for (const { category, needle, first, weight } of TERMS) {
    if (starts.has(first) && words.includes(needle)) add(category, lead.startsWith(needle) ? weight * LEAD_FACTOR : weight);
  }
  for (const [, , hint] of technologies) if (hint) add(hint, TECHNOLOGY_WEIGHT);

  // Map iteration follows CATEGORY_PRIORITY and the sort is stable, so ties keep the priority order.
  const [[best, top], [, runnerUp]] = [...scores].sort((a, b) => b[1] - a[1]);
  if (top === 0) return { category: WorkCategory.OTHER, confidence: 0 };
  const strength = Math.min(1, top / FULL_EVIDENCE);
  const margin = (top - runnerUp) / top;
  return { category: best, confidence: Math.round(100 * strength * (0.3 + 0.7 * margin)) };
}

/** Technologies in order of first mention; a span matched by a longer alias is not matched again by a shorter one. */
function findTechnologies(words: string, starts: Set<string>): TechnologyRow[] {
  const taken = new Uint8Array(words.length);
  const firstAt = new Map<number, number>();
  for (const { needle, first, technology } of ALIASES) {
    if (!starts.has(first)) continue;
    for (let at = words.indexOf(needle); at !== -1; at = words.indexOf(needle, at + 1)) {
      // The alias without its surrounding spaces; overlapping a longer match means touching its first or last letter.
      const from = at + 1;
      const to = at + needle.length - 1;
      if (taken[from] || taken[to - 1]) continue;
      taken.fill(1, from, to);
      firstAt.set(technology, Math.min(at, firstAt.get(technology) ?? at));
    }
  }
  return [...firstAt]
    .sort(([a, atA], [b, atB]) => atA - atB || a - b)
    .slice(0, MAX_LIST)
    .map(([technology]) => TECHNOLOGIES[technology]);
}

/** Technologies, keeping one slot for the category name (which is left out for OTHER: it says nothing). */
function tagsFor(technologies: readonly string[], category: WorkCategory): string[] {
  const names = technologies.slice(0, MAX_TAGS - 1).map(toTagName);
  if (category !== WorkCategory.OTHER) names.push(category.toLowerCase());
  return unique(names.filter((name) => TAG_NAME.test(name)));
}

/** "Let's Encrypt" → "lets-encrypt", "Node.js" → "node.js". */
function toTagName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

// ---- Commands --------------------------------------------------------------------------------------------------

function extractCommands(tokens: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isBacktickSpan(token)) {
      const inner = token.slice(1, -1).trim();
      if (looksLikeCommand(inner)) found.push(inner);
      continue;
    }
    const command = readCommand(tokens, i);
    if (command) {
      found.push(command.line);
      i = command.next - 1;
    }
  }
  return unique(found).slice(0, MAX_LIST);
}

/** Reads the command starting at tokens[start] and the arguments that plausibly belong to it. */
function readCommand(tokens: readonly string[], start: number): { line: string; next: number } | undefined {
  const opened = trimStart(tokens[start], OPENING_PUNCTUATION);
  const word = trimEnd(opened, CLAUSE_END);
  let open = word === opened;
  if (word === 'sudo') {
    const rest = open ? readCommand(tokens, start + 1) : undefined;
    return rest && { line: `sudo ${rest.line}`, next: rest.next };
  }
  const subcommands = SUBCOMMANDS.get(word);
  if (!subcommands && !COMMANDS.has(word) && !ARGUMENT_COMMANDS.has(word) && !isCmdlet(word)) return undefined;

  const parts = [word];
  let next = start + 1;
  const take = (accept: (argument: string) => boolean): boolean => {
    const argument = open ? argumentAt(tokens[next]) : undefined;
    if (!argument || !accept(argument.text)) return false;
    parts.push(argument.text);
    next++;
    open = !argument.last;
    return true;
  };
  if (subcommands) {
    if (!take((argument) => subcommands.includes(argument))) return undefined;
    take(isTarget);
  }
  // Options, paths and values always belong; a plain word only as the value of the option before it ("-u nginx").
  const belongs = (argument: string) => isTechnical(argument) || (isOption(parts[parts.length - 1]) && isTarget(argument));
  while (parts.length < MAX_COMMAND_PARTS && take(belongs)) continue;
  if (ARGUMENT_COMMANDS.has(word) && parts.length === 1) return undefined;
  return { line: parts.join(' ').slice(0, MAX_COMMAND_LENGTH), next };
}

/** An argument token with trailing punctuation removed; `last` when that punctuation ends the clause. */
function argumentAt(token: string | undefined): { text: string; last: boolean } | undefined {
  if (token === undefined || token.startsWith('(') || token.startsWith('`') || COMMAND_SEPARATORS.has(token)) return undefined;
  const text = trimEnd(token, CLAUSE_END);
  return text ? { text, last: text !== token } : undefined;
}

/** Anything but a plain lower-case word: an option, path, host, number or value ("/flushdns", "DC01", "*"). */
function isTechnical(argument: string): boolean {
  return !/^[a-z]+$/.test(argument);
}

function isOption(part: string): boolean {
  return /^--?[A-Za-z]/.test(part);
}

/** A service, package or script name after a sub-command ("restart nginx"); past-tense words are prose ("npm test passed"). */
function isTarget(argument: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(argument) && !STOP_WORDS.has(argument) && !argument.endsWith('ed');
}

function isCmdlet(word: string): boolean {
  const match = CMDLET.exec(word);
  return match !== null && POWERSHELL_VERBS.has(match[1]);
}

/** Text in backticks is code, so any known command word (or a ./script) at its start makes it a command. */
function looksLikeCommand(code: string): boolean {
  const words = code.split(/\s+/);
  const first = words[0] === 'sudo' && words.length > 1 ? words[1] : words[0];
  return (
    isCmdlet(first) || COMMANDS.has(first) || ARGUMENT_COMMANDS.has(first) || SUBCOMMANDS.has(first) || HOME_OR_RELATIVE_PATH.test(first)
  );
}

function isBacktickSpan(token: string): boolean {
  return token.length > 2 && token.startsWith('`') && token.endsWith('`');
}

// ---- Files and hosts -------------------------------------------------------------------------------------------

function extractNames(tokens: readonly string[]): { files: string[]; hosts: string[] } {
  const files: string[] = [];
  const hosts: string[] = [];
  const candidates = tokens.flatMap((token) => (isBacktickSpan(token) ? token.slice(1, -1).split(/\s+/) : [token]));
  for (const word of candidates.map(cleanWord)) {
    if (!word || (word.includes('@') && !URL_START.test(word))) continue; // e-mail addresses name mailboxes, not machines
    if (isFile(word)) {
      if (word.length <= MAX_PATH_LENGTH) files.push(word);
      const server = UNC_PATH.exec(word)?.[1];
      if (server && isLooseHostName(server)) hosts.push(server);
    } else {
      hosts.push(...hostsIn(word));
    }
  }
  return { files: unique(files).slice(0, MAX_LIST), hosts: uniqueIgnoringCase(hosts).slice(0, MAX_LIST) };
}

/** Strips quotes, brackets, sentence punctuation and a possessive "'s" around a word. */
function cleanWord(token: string): string {
  const word = trimEnd(trimStart(token, OPENING_PUNCTUATION), CLOSING_PUNCTUATION);
  return /['’]s$/.test(word) ? word.slice(0, -2) : word;
}

function isFile(word: string): boolean {
  if (URL_START.test(word)) return false;
  if (WINDOWS_PATH.test(word) || UNC_PATH.test(word) || HOME_OR_RELATIVE_PATH.test(word)) return true;
  if (word.startsWith('/')) {
    const segments = word.split('/').filter(Boolean);
    return segments.length >= 2 || (segments.length === 1 && POSIX_ROOTS.has(segments[0]));
  }
  const name = word.split(/[\\/]/).pop() ?? '';
  return hasKnownExtension(name) || (name === word && KNOWN_FILE_NAMES.has(word.toLowerCase()));
}

function hasKnownExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return (
    dot > 0 &&
    /^[\w.-]+$/.test(name) &&
    FILE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase()) &&
    !DOTTED_PRODUCT_NAMES.has(name.toLowerCase())
  );
}

function hostsIn(word: string): string[] {
  if (URL_START.test(word)) {
    const authority = word.slice(word.indexOf('://') + 3).split(/[/?#]/)[0];
    const host = withoutPort(authority.slice(authority.lastIndexOf('@') + 1));
    return isLooseHostName(host) ? [host] : [];
  }
  const server = UNC_SERVER.exec(word)?.[1]; // "\\NAS1" alone: a server without a share
  if (server) return isLooseHostName(server) ? [server] : [];
  // Addresses and FQDNs have dots, NetBIOS names digits: most prose words stop here. A subnet is not a machine.
  if (!/[\d.]/.test(word) || IPV4_NETWORK.test(word)) return [];
  return word
    .split(/[,;/|]/)
    .map(withoutPort)
    .filter(isHostName);
}

function withoutPort(name: string): string {
  return name.replace(/:\d{1,5}$/, '');
}

function isHostName(name: string): boolean {
  return isIpv4(name) || isFqdn(name) || isNetbiosName(name);
}

function isIpv4(name: string): boolean {
  const match = IPV4.exec(name);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
}

/** dc01.acme.local: valid labels and a known top-level domain written in one case ("fixed.Then" is two words). */
function isFqdn(name: string): boolean {
  if (name.length > MAX_HOST_LENGTH || DOTTED_PRODUCT_NAMES.has(name.toLowerCase())) return false;
  const labels = name.split('.');
  const tld = labels[labels.length - 1];
  const oneCase = tld === tld.toLowerCase() || tld === tld.toUpperCase();
  return labels.length >= 2 && oneCase && TOP_LEVEL_DOMAINS.has(tld.toLowerCase()) && labels.every((label) => DNS_LABEL.test(label));
}

/** DC01, SRV-FS02, NAS1: upper case, at least two letters and a digit, and not a standard, ticket or product alias. */
function isNetbiosName(name: string): boolean {
  if (!NETBIOS_NAME.test(name) || !/\d/.test(name) || name.endsWith('-') || name.includes('--')) return false;
  if ((name.match(/[A-Z]/g) ?? []).length < 2 || TICKET_KEY.test(name) || SINGLE_WORD_ALIASES.has(name.toLowerCase())) return false;
  return !NOT_HOST_PREFIXES.some((prefix) => name.startsWith(prefix) && /\d/.test(name.charAt(prefix.length)));
}

/** The server part of a URL or UNC path: the context already says it is a machine, so lower case and single labels count. */
function isLooseHostName(name: string): boolean {
  return name.length <= MAX_HOST_LENGTH && (isIpv4(name) || name.split('.').every((label) => DNS_LABEL.test(label)));
}

// ---- Description -----------------------------------------------------------------------------------------------

/** The first sentence that still says something once tidied. */
function describe(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const tidyLine = line
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:[-*•>#]+|\d+[.)])\s+/, '');
    for (const sentence of sentencesOf(tidyLine)) {
      const tidy = tidySentence(sentence);
      if (tidy) return cut(tidy, MAX_DESCRIPTION);
    }
  }
  return '';
}

function* sentencesOf(line: string): Generator<string> {
  let start = 0;
  for (const match of line.matchAll(/[.!?](?=\s|$)/g)) {
    const end = match.index + 1;
    const lastWord = line.slice(line.lastIndexOf(' ', match.index) + 1, match.index).toLowerCase();
    if (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord)) continue; // "e.g." and initials do not end a sentence
    yield line.slice(start, end);
    start = end;
  }
  if (start < line.length) yield line.slice(start);
}

function tidySentence(sentence: string): string {
  let text = trimEnd(sentence.trim(), ' .,;:');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = trimStart(withoutFiller(text), ' ,;:-–—');
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutFiller(text: string): string {
  const lower = text.toLowerCase();
  for (const filler of FILLERS) {
    const next = lower.charAt(filler.length);
    const atBoundary = filler.endsWith(',') || next === '' || next === ' ' || next === ',';
    if (lower.startsWith(filler) && atBoundary) return text.slice(filler.length);
  }
  return text;
}

/** At most `max` characters, cut at the last word boundary that fits and marked with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const boundary = room.lastIndexOf(' ');
  return `${trimEnd(boundary > 0 ? room.slice(0, boundary) : room, ' .,;:')}…`;
}

/** One line: "TROUBLESHOOTING (80%) Fixed … [dns, windows-server] hosts: DC01". */
export function renderCategorization(c: Categorization): string {
  const parts = [`${c.category} (${c.confidence}%)`, c.description];
  if (c.tags.length) parts.push(`[${c.tags.join(', ')}]`);
  if (c.hosts.length) parts.push(`hosts: ${c.hosts.join(', ')}`);
  if (c.commands.length) parts.push(`commands: ${c.commands.join('; ')}`);
  if (c.files.length) parts.push(`files: ${c.files.join(', ')}`);
  return parts.filter(Boolean).join(' ');
}

// ---- Helpers ---------------------------------------------------------------------------------------------------

function trimStart(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start])) start++;
  return text.slice(start);
}

function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** First spelling wins: DC01.ACME.LOCAL and dc01.acme.local are one host. */
function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(value.toLowerCase()) && seen.add(value.toLowerCase()));
}
