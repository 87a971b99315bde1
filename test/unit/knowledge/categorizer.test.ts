import { WorkCategory } from '../../../entities/work-item.entity';
import { categorizeWork } from '../../../src/knowledge/categorizer';

const {
  INFRASTRUCTURE,
  TROUBLESHOOTING,
  CONFIGURATION,
  DEVELOPMENT,
  SECURITY,
  DOCUMENTATION,
  RESEARCH,
  COMMUNICATION,
  MAINTENANCE,
  OTHER,
} = WorkCategory;

/** What a snippet must yield; technologies are a subset check, the other lists are exact. */
interface Expected {
  technologies?: string[];
  hosts?: string[];
  commands?: string[];
  files?: string[];
}

const TAG_NAME = /^[a-z0-9][a-z0-9._-]{0,49}$/;

const SNIPPETS: [string, WorkCategory, Expected][] = [
  // Troubleshooting
  [
    'Get-LocalUser failed on DC01 (Server 2008 R2, PowerShell 2.0); used Get-WmiObject Win32_UserAccount instead',
    TROUBLESHOOTING,
    {
      technologies: ['Windows Server', 'PowerShell'],
      hosts: ['DC01'],
      commands: ['Get-LocalUser', 'Get-WmiObject Win32_UserAccount'],
      files: [],
    },
  ],
  [
    'Outlook kept crashing for jdoe@dataforth.com after the March update; diagnosed a corrupt OST, rebuilt the profile and it works again',
    TROUBLESHOOTING,
    { technologies: ['Outlook'], hosts: [], commands: [] },
  ],
  [
    'Users on the 2nd floor could not reach \\\\SRV-FS02\\Projects; root cause was a stale DNS record, flushed with ipconfig /flushdns and the share is reachable again',
    TROUBLESHOOTING,
    { technologies: ['DNS'], hosts: ['SRV-FS02'], commands: ['ipconfig /flushdns'], files: ['\\\\SRV-FS02\\Projects'] },
  ],
  [
    'Printer on the 2nd floor stopped working again; the spooler service had hung, restarted it with net stop spooler && net start spooler',
    TROUBLESHOOTING,
    { commands: ['net stop spooler', 'net start spooler'], hosts: [] },
  ],
  [
    'VPN tunnel to the Frankfurt office kept dropping; traced it to an MTU mismatch on the Fortinet, lowered MTU to 1400 and the tunnel has been stable since',
    TROUBLESHOOTING,
    { technologies: ['VPN', 'Fortinet'], hosts: [] },
  ],
  [
    'Website on web01.acme.local returned 502 errors; nginx upstream pointed at the wrong port, fixed /etc/nginx/conf.d/app.conf and ran systemctl reload nginx',
    TROUBLESHOOTING,
    { technologies: ['nginx'], hosts: ['web01.acme.local'], commands: ['systemctl reload nginx'], files: ['/etc/nginx/conf.d/app.conf'] },
  ],
  // Communication
  ['Called Sarah at Dataforth about the printer on the 2nd floor', COMMUNICATION, { technologies: [], hosts: [], commands: [], files: [] }],
  [
    'Emailed the Veeam vendor support with the job logs and agreed on a remote session for Thursday',
    COMMUNICATION,
    { technologies: ['Veeam'] },
  ],
  [
    'Meeting with the Acme management about the Microsoft 365 licence renewal and the migration timeline',
    COMMUNICATION,
    { technologies: ['Microsoft 365'] },
  ],
  [
    'Spoke with Tom from the ISP about the fibre outage; they will send a technician tomorrow, informed the client by phone',
    COMMUNICATION,
    { hosts: [] },
  ],
  [
    'Teams call with the developer to walk through the pull request feedback on the GraphQL schema',
    COMMUNICATION,
    { technologies: ['Teams', 'GraphQL'] },
  ],
  [
    "Replied to the client's ticket and explained why the mailbox migration takes another week",
    COMMUNICATION,
    { technologies: [], hosts: [] },
  ],
  // Documentation
  ['Documented the new VLAN layout and switch port assignments in the IT Glue wiki', DOCUMENTATION, { technologies: ['VLAN'] }],
  [
    'Wrote a runbook for restoring the SQL Server databases from Veeam, including screenshots',
    DOCUMENTATION,
    { technologies: ['SQL Server', 'Veeam'] },
  ],
  [
    'Updated the README with the new `npm run generate` step and the TEST_DB=sqlite hint',
    DOCUMENTATION,
    { commands: ['npm run generate'], files: [] },
  ],
  [
    'Drew a network diagram of the Dataforth office (firewall, core switch, 3 APs) and attached it to the client documentation',
    DOCUMENTATION,
    { hosts: [] },
  ],
  [
    'Wrote up the handover notes for the weekend on-call: open tickets, the flaky backup on NAS1 and where the admin passwords live',
    DOCUMENTATION,
    { hosts: ['NAS1'] },
  ],
  // Research
  [
    'Researched whether Intune can replace the GPO-based drive mappings; compared licensing for Microsoft 365 Business Premium vs E3',
    RESEARCH,
    { technologies: ['Intune', 'Group Policy', 'Microsoft 365'], hosts: [] },
  ],
  [
    'Evaluated Proxmox as an alternative to VMware for the small clients; read up on ZFS replication and pricing',
    RESEARCH,
    { technologies: ['Proxmox', 'VMware'] },
  ],
  [
    'Looked into why Exchange Online throttles bulk mail from the ERP; Microsoft docs say the limit is 10,000 recipients per day',
    RESEARCH,
    { technologies: ['Exchange Online'], hosts: [] },
  ],
  [
    'Compared three NAS options (Synology DS923+, QNAP TS-464, ReadyNAS 2304) for the new backup target',
    RESEARCH,
    { technologies: ['Synology', 'QNAP', 'ReadyNAS'], hosts: [] },
  ],
  [
    'Read the release notes for Veeam 12.1 to find out if the hardened Linux repository supports immutability',
    RESEARCH,
    { technologies: ['Veeam', 'Linux'], hosts: [] },
  ],
  // Maintenance
  [
    'Patched Windows updates on all three file servers and checked Veeam backup jobs',
    MAINTENANCE,
    { technologies: ['Windows Update', 'Veeam'] },
  ],
  [
    'Monthly clean-up on SRV-FS02: deleted old user profiles, emptied the temp folders and freed 40 GB on D:\\',
    MAINTENANCE,
    { hosts: ['SRV-FS02'], files: [] },
  ],
  [
    "Renewed the Let's Encrypt certificate on the reverse proxy with certbot renew and checked that the cron job still runs",
    MAINTENANCE,
    { technologies: ["Let's Encrypt"], commands: ['certbot renew'] },
  ],
  ['Firmware update on the Ubiquiti switches and access points during the maintenance window', MAINTENANCE, { technologies: ['Ubiquiti'] }],
  [
    'Checked the Veeam backup jobs for all clients: two warnings, one failed job on NAS1 re-run successfully',
    MAINTENANCE,
    { technologies: ['Veeam'], hosts: ['NAS1'] },
  ],
  [
    'Ran disk cleanup and defragmentation on the old Windows 10 clients, rebooted them afterwards',
    MAINTENANCE,
    { technologies: ['Windows'], commands: [] },
  ],
  // Security
  ['Rotated the VPN pre-shared key on the Fortinet and enabled MFA for all admins', SECURITY, { technologies: ['VPN', 'Fortinet'] }],
  [
    'User reported a phishing mail; blocked the sender domain in Defender, purged the message from all mailboxes and reset her password',
    SECURITY,
    { technologies: ['Defender'] },
  ],
  [
    'Removed Domain Admins membership from the old service account and reviewed NTFS permissions on \\\\NAS1\\finance',
    SECURITY,
    { technologies: ['Active Directory', 'NTFS'], files: ['\\\\NAS1\\finance'], hosts: ['NAS1'] },
  ],
  [
    'Patched CVE-2024-21413 on the Exchange server and confirmed Outlook clients got the fix',
    SECURITY,
    { technologies: ['Exchange', 'Outlook'], hosts: [] },
  ],
  [
    'Offboarded Mark: disabled his AD account, revoked his Microsoft 365 licences and MFA tokens, changed the shared mailbox permissions',
    SECURITY,
    { technologies: ['Active Directory', 'Microsoft 365'] },
  ],
  [
    'Investigated suspicious sign-ins from Nigeria for ceo@acme.com, confirmed the account was compromised, forced sign-out and re-enrolled MFA',
    SECURITY,
    { hosts: [] },
  ],
  // Development
  ['Refactored the session resolver to use DataLoader; added unit tests', DEVELOPMENT, { technologies: ['DataLoader'] }],
  [
    'Wrote a PowerShell script (Export-StaleUsers.ps1) that lists AD users inactive for 90 days and emails the report',
    DEVELOPMENT,
    { technologies: ['PowerShell', 'Active Directory'], files: ['Export-StaleUsers.ps1'], commands: [] },
  ],
  [
    'Implemented the addWorkItem mutation in TypeScript with input validation via zod, then opened a pull request',
    DEVELOPMENT,
    { technologies: ['TypeScript'] },
  ],
  [
    'Added a GraphQL resolver for pending tasks and wrote jest tests for the pagination; committed to the feature branch',
    DEVELOPMENT,
    { technologies: ['GraphQL', 'Jest'] },
  ],
  [
    'Wrote a bash script to rotate the nginx logs and committed it to Git (scripts/rotate-logs.sh)',
    DEVELOPMENT,
    { technologies: ['nginx', 'Git'], files: ['scripts/rotate-logs.sh'], commands: [] },
  ],
  [
    'Merged the pull request that adds a Dockerfile and Docker Compose setup for local development',
    DEVELOPMENT,
    { technologies: ['Docker'], files: ['Dockerfile'] },
  ],
  // Infrastructure
  [
    'Installed a new Synology NAS (NAS2) in the server rack, cabled it to the core switch and created the first volume',
    INFRASTRUCTURE,
    { technologies: ['Synology'], hosts: ['NAS2'] },
  ],
  [
    'Provisioned two Ubuntu 22.04 VMs on the Proxmox cluster for the new ERP and attached them to VLAN 20',
    INFRASTRUCTURE,
    { technologies: ['Ubuntu', 'Proxmox', 'VLAN'], hosts: [] },
  ],
  [
    'Deployed a new Hyper-V host (HV03) with 256 GB RAM and live-migrated the file server VM to it',
    INFRASTRUCTURE,
    { technologies: ['Hyper-V'], hosts: ['HV03'] },
  ],
  ['Replaced the failed UPS in the comms room and re-patched the cabling to the new 48-port switch', INFRASTRUCTURE, { hosts: [] }],
  [
    'Migrated the on-prem file server to an Azure VM and moved the DNS zone to Azure DNS; decommissioned the old host SRV-OLD01',
    INFRASTRUCTURE,
    { technologies: ['Azure', 'DNS'], hosts: ['SRV-OLD01'] },
  ],
  ['Racked and cabled the new Dell R750 in the Frankfurt datacenter; iDRAC on 10.0.5.21', INFRASTRUCTURE, { hosts: ['10.0.5.21'] }],
  // Configuration
  [
    'Configured a new GPO to map the S: drive to \\\\NAS1\\shared for the finance group',
    CONFIGURATION,
    { technologies: ['Group Policy'], files: ['\\\\NAS1\\shared'], hosts: ['NAS1'] },
  ],
  [
    'Changed the DHCP scope options on DC01: new DNS servers 10.0.0.10 and 10.0.0.11, lease time 8 days',
    CONFIGURATION,
    { technologies: ['DHCP', 'DNS'], hosts: ['DC01', '10.0.0.10', '10.0.0.11'] },
  ],
  [
    'Set up a shared mailbox for info@dataforth.com in Exchange Online and gave the office team full access',
    CONFIGURATION,
    { technologies: ['Exchange Online'], hosts: [] },
  ],
  [
    'Adjusted the Intune compliance policy: BitLocker required, minimum OS 22H2, grace period 3 days',
    CONFIGURATION,
    { technologies: ['Intune', 'BitLocker'], hosts: [] },
  ],
  [
    'Changed the nginx setting client_max_body_size to 50m in /etc/nginx/nginx.conf so uploads up to 50 MB work',
    CONFIGURATION,
    { technologies: ['nginx'], files: ['/etc/nginx/nginx.conf'] },
  ],
  [
    'Enabled Remote Desktop for the accounting group via GPO and opened TCP 3389 only from the VPN subnet',
    CONFIGURATION,
    { technologies: ['RDP', 'Group Policy', 'VPN'] },
  ],
  // Nothing to go on
  ['Drove to the Dataforth office and back', OTHER, { technologies: [], hosts: [], commands: [], files: [] }],
  ['Travel time to the client site in Mainz', OTHER, { technologies: [] }],
];

describe('categorizeWork', () => {
  it('has a table that covers every category but OTHER at least four times', () => {
    const counts = new Map<WorkCategory, number>();
    for (const [, category] of SNIPPETS) counts.set(category, (counts.get(category) ?? 0) + 1);
    expect(SNIPPETS.length).toBeGreaterThanOrEqual(45);
    for (const category of Object.values(WorkCategory).filter((c) => c !== OTHER)) {
      expect(counts.get(category) ?? 0).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(SNIPPETS)('%s → %s', (text, category, expected) => {
    const result = categorizeWork(text);
    expect(result.category).toBe(category);
    if (expected.technologies) expect(result.technologies).toEqual(expect.arrayContaining(expected.technologies));
    if (expected.technologies?.length === 0) expect(result.technologies).toEqual([]);
    if (expected.hosts) expect(result.hosts).toEqual(expected.hosts);
    if (expected.commands) expect(result.commands).toEqual(expected.commands);
    if (expected.files) expect(result.files).toEqual(expected.files);
    if (category === OTHER) expect(result.confidence).toBe(0);
    else expect(result.confidence).toBeGreaterThan(0);
  });

  describe('commands', () => {
    it('finds cmdlets, prose command lines and commands in backticks', () => {
      const { commands } = categorizeWork(
        'Ran `Get-ADUser -Filter * -Properties LastLogonDate | Export-Csv C:\\Temp\\stale.csv` on DC01, then ipconfig /flushdns on all clients. ' +
          'On web01 sudo systemctl restart nginx and tail -f /var/log/nginx/error.log; Get-Mailbox failed.',
      );
      expect(commands).toEqual([
        'Get-ADUser -Filter * -Properties LastLogonDate | Export-Csv C:\\Temp\\stale.csv',
        'ipconfig /flushdns',
        'sudo systemctl restart nginx',
        'tail -f /var/log/nginx/error.log',
        'Get-Mailbox',
      ]);
    });

    it('ignores command words used as ordinary words and code that is no command', () => {
      const { commands } = categorizeWork(
        'Could not ping the server, the git repo was fine; the net result: `web.config` and `DC01` checked. Hyper-V and Wi-Fi are fine.',
      );
      expect(commands).toEqual([]);
    });

    it('keeps an option value and the sub-command target, but not the prose after them', () => {
      expect(categorizeWork('journalctl -u nginx showed the crash, git checkout main worked, docker compose up and done').commands).toEqual(
        ['journalctl -u nginx', 'git checkout main', 'docker compose up'],
      );
    });

    it('returns at most ten unique commands of at most 200 characters', () => {
      const many = Array.from({ length: 15 }, (_, i) => `ping 10.0.0.${i + 1}`).join(', ');
      const { commands } = categorizeWork(`${many}, ping 10.0.0.1, Get-Item ${'-Recurse'.repeat(40)}`);
      expect(commands).toHaveLength(10);
      expect(new Set(commands).size).toBe(10);
      expect(commands[0]).toBe('ping 10.0.0.1');
      const long = categorizeWork(`Get-ChildItem ${'C:\\very-long-folder-name'.repeat(20)}`).commands;
      expect(long).toHaveLength(1);
      expect(long[0]).toHaveLength(200);
    });
  });

  describe('files', () => {
    it('finds Windows, UNC, POSIX, home, relative and bare file names', () => {
      const { files } = categorizeWork(
        'Edited C:\\inetpub\\wwwroot\\web.config, copied it to \\\\NAS1\\share\\backup and /etc/nginx/nginx.conf, ~/.ssh/config, ' +
          'src/foo.ts, ./deploy.sh, package.json and .env; see README.md.',
      );
      expect(files).toEqual([
        'C:\\inetpub\\wwwroot\\web.config',
        '\\\\NAS1\\share\\backup',
        '/etc/nginx/nginx.conf',
        '~/.ssh/config',
        'src/foo.ts',
        './deploy.sh',
        'package.json',
        '.env',
        'README.md',
      ]);
    });

    it('does not take switches, versions, product names or prose with slashes for files', () => {
      const { files } = categorizeWork('ipconfig /all and/or TCP/IP on v1.2.3 with Node.js 2.0 and ASP.NET, /flushdns, e.g. later');
      expect(files).toEqual([]);
    });

    it('returns at most ten unique files', () => {
      const names = Array.from({ length: 12 }, (_, i) => `log${i}.txt`);
      const { files } = categorizeWork(`Removed ${names.join(' ')} ${names.join(' ')}`);
      expect(files).toEqual(names.slice(0, 10));
    });
  });

  describe('hosts', () => {
    it('finds IPv4 addresses, FQDNs and NetBIOS names', () => {
      const { hosts } = categorizeWork(
        'Moved DC01 and SRV-FS02 to 192.168.10.0/24: dc01.acme.local now 192.168.10.5:389, NAS1 stays on 10.0.0.20.',
      );
      expect(hosts).toEqual(['DC01', 'SRV-FS02', 'dc01.acme.local', '192.168.10.5', 'NAS1', '10.0.0.20']);
    });

    it('takes the server of a UNC path or URL as a host, and NAS1 alone is a host, not a file', () => {
      expect(categorizeWork('Share \\\\NAS1\\share is back').hosts).toEqual(['NAS1']);
      expect(categorizeWork('Share \\\\NAS1\\share is back').files).toEqual(['\\\\NAS1\\share']);
      expect(categorizeWork('NAS1 rebooted').hosts).toEqual(['NAS1']);
      expect(categorizeWork('NAS1 rebooted').files).toEqual([]);
      expect(categorizeWork('Opened https://fw01.acme.local:4443/login and http://10.1.1.1/').hosts).toEqual([
        'fw01.acme.local',
        '10.1.1.1',
      ]);
    });

    it('does not take versions, e-mail domains, standards, tickets or file names for hosts', () => {
      const { hosts } = categorizeWork(
        'Upgraded from 2.0 to v1.2.3 (build 10.0.17763.1); mailed jdoe@acme.com about CVE-2024-21413 and KB5034441; ' +
          'ticket OPS-1234, SHA256, M365, K8S, WIN10, 999.1.1.1, web.config, done.Then E3 licences.',
      );
      expect(hosts).toEqual([]);
    });

    it('treats zero-padded names as hosts and counts one host once whatever its case', () => {
      expect(categorizeWork('SRV-01 and DC01.ACME.LOCAL and dc01.acme.local').hosts).toEqual(['SRV-01', 'DC01.ACME.LOCAL']);
    });
  });

  describe('technologies and tags', () => {
    it('matches aliases on word boundaries, longest first, in order of first mention', () => {
      expect(categorizeWork('Moved the O365 mailboxes to Exchange Online, checked k8s and the GPO; ps1 attached').technologies).toEqual([
        'Microsoft 365',
        'Exchange Online',
        'Kubernetes',
        'Group Policy',
        'PowerShell',
      ]);
      expect(categorizeWork('Loaded the adapter and the badge reader').technologies).toEqual([]);
      expect(categorizeWork('Moved SQL Server 2019 to a Server 2022 VM').technologies).toEqual(['SQL Server', 'Windows Server']);
    });

    it('gives valid, unique tags: technologies first, then the category', () => {
      for (const [text] of SNIPPETS) {
        const { tags, technologies, category } = categorizeWork(text);
        expect(tags.length).toBeLessThanOrEqual(8);
        expect(new Set(tags).size).toBe(tags.length);
        for (const tag of tags) expect(tag).toMatch(TAG_NAME);
        if (category !== OTHER) expect(tags[tags.length - 1]).toBe(category.toLowerCase());
        expect(tags.length).toBe(Math.min(technologies.length, 7) + (category === OTHER ? 0 : 1));
      }
      expect(categorizeWork("Renewed the Let's Encrypt certificate on the Hyper-V host").tags).toEqual([
        'lets-encrypt',
        'hyper-v',
        'maintenance',
      ]);
    });

    it('keeps the category tag when there are many technologies', () => {
      const result = categorizeWork('Patched Veeam, VMware, Hyper-V, Docker, nginx, Redis, MariaDB, SQLite, Teams, Outlook and Intune');
      expect(result.technologies).toHaveLength(10);
      expect(result.tags).toHaveLength(8);
      expect(result.tags).toEqual(['veeam', 'vmware', 'hyper-v', 'docker', 'nginx', 'redis', 'mariadb', 'maintenance']);
    });
  });

  describe('description', () => {
    it('takes the first sentence, collapses whitespace and drops filler', () => {
      expect(categorizeWork('ok, so I then   restarted the\tspooler on PRN01. Next the toner.').description).toBe(
        'Restarted the spooler on PRN01',
      );
      expect(categorizeWork('- fixed DNS on DC01\nThen rebooted').description).toBe('Fixed DNS on DC01');
      expect(categorizeWork('Checked e.g. the Veeam jobs on NAS1. Later more.').description).toBe('Checked e.g. the Veeam jobs on NAS1');
      expect(categorizeWork('Sonic wall? No: SonicWall rules checked.').description).toBe('Sonic wall?');
      expect(categorizeWork('Ok.\nCalled Sarah').description).toBe('Called Sarah');
    });

    it('cuts at a word boundary with an ellipsis when longer than 160 characters', () => {
      const text = `Rebuilt ${'the mailbox database index '.repeat(10)}today`;
      const { description } = categorizeWork(text);
      expect(description.length).toBeLessThanOrEqual(160);
      expect(description.endsWith('…')).toBe(true);
      const kept = description.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      expect(text.charAt(kept.length)).toBe(' ');
      expect(description).not.toMatch(/\n/);
    });
  });

  it('returns the empty result for empty or blank text', () => {
    for (const text of ['', '   ', '\n\t ']) {
      expect(categorizeWork(text)).toEqual({
        category: OTHER,
        tags: [],
        commands: [],
        files: [],
        hosts: [],
        technologies: [],
        description: '',
        confidence: 0,
      });
    }
  });

  it('gives OTHER with confidence 0 when nothing matches, and more confidence to clearer text', () => {
    expect(categorizeWork('Lunch').category).toBe(OTHER);
    expect(categorizeWork('Lunch').confidence).toBe(0);
    const clear = categorizeWork('Diagnosed the root cause of the crash and fixed it; the workaround is no longer needed');
    const mixed = categorizeWork('Called the vendor about the error');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(100);
  });

  it('is deterministic, including ties, which follow a fixed priority', () => {
    for (const [text] of SNIPPETS) expect(categorizeWork(text)).toEqual(categorizeWork(text));
    // "fixed" (troubleshooting) and "informed" (communication) weigh the same; troubleshooting ranks first either way round.
    expect(categorizeWork('The projector was fixed, Tom informed').category).toBe(TROUBLESHOOTING);
    expect(categorizeWork('Tom informed; the projector was fixed').category).toBe(TROUBLESHOOTING);
  });

  // Speed is measured by npm run bench; a backtracking regex would blow jest's timeout here.
  it('handles a 20,000-character input and hostile patterns', () => {
    const snippet = SNIPPETS.map(([text]) => text).join(' ');
    const huge = snippet.repeat(Math.ceil(20_000 / snippet.length)).slice(0, 20_000);
    const hostile = ['`'.repeat(20_000), '/'.repeat(20_000), '!'.repeat(19_999) + 'a', `C:\\${'a\\'.repeat(9_998)}`, '.'.repeat(20_000)];
    const result = categorizeWork(huge);
    for (const text of hostile) expect(categorizeWork(text).description.length).toBeLessThanOrEqual(160);
    expect(result.commands.length).toBeLessThanOrEqual(10);
    expect(result.hosts.length).toBeLessThanOrEqual(10);
    expect(result.technologies).toHaveLength(10);
    expect(result.description.length).toBeLessThanOrEqual(160);
  });
});
