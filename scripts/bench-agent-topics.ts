import { WorkCategory } from '../entities/work-item.entity';

/** What a benchmark session is about: its work, one command that works and one that fails, the fix and the lesson. */
export interface Topic {
  title: string;
  items: [WorkCategory, string][];
  ok: string;
  fail: string;
  error: string;
  /** Runs on the client's Ubuntu server rather than a Windows one. */
  linux: boolean;
  symptom: string;
  cause: string;
  solution: string;
  learning: string;
}

const notRecognized = (cmdlet: string) =>
  `The term '${cmdlet}' is not recognized as the name of a cmdlet, function, script file, or operable program.`;
const { TROUBLESHOOTING, CONFIGURATION, COMMUNICATION, SECURITY, DOCUMENTATION, MAINTENANCE, INFRASTRUCTURE, RESEARCH } = WorkCategory;

/** Fifteen topics, each failing command with its own signature. */
export const TOPICS: Topic[] = [
  {
    title: 'DNS lookups failing at the front desk',
    items: [
      [TROUBLESHOOTING, 'Front desk PCs could not resolve the practice management server; traced it to the DNS forwarder'],
      [CONFIGURATION, 'Changed the DNS forwarder on the domain controller and flushed the resolver cache'],
      [COMMUNICATION, 'Told the office manager DNS is fixed and what to watch for'],
    ],
    ok: 'ipconfig /flushdns',
    fail: 'Resolve-DnsName pm-server.corp.local',
    error: notRecognized('Resolve-DnsName'),
    linux: false,
    symptom: 'DNS lookups time out on every workstation',
    cause: 'Forwarder pointed at the old ISP resolver',
    solution: 'Changed the DNS forwarder to 1.1.1.1 and flushed the cache on the clients',
    learning: 'Conditional DNS forwarders beat a single upstream resolver when a site has a VPN to head office',
  },
  {
    title: 'Local admin account audit',
    items: [
      [SECURITY, 'Audited local administrator accounts on the servers for the insurance questionnaire'],
      [SECURITY, 'Disabled two stale local admin accounts left by the previous provider'],
      [DOCUMENTATION, 'Wrote the account audit into the client runbook'],
    ],
    ok: 'net user',
    fail: 'Get-LocalUser -Name admin',
    error: notRecognized('Get-LocalUser'),
    linux: false,
    symptom: 'Get-LocalUser is missing on the old domain controller',
    cause: 'PowerShell 2.0 has no LocalAccounts module',
    solution: 'Listed the accounts with Get-WmiObject Win32_UserAccount instead',
    learning: 'Server 2008 R2 boxes still run PowerShell 2.0: use WMI for local users and groups',
  },
  {
    title: 'Nightly backup job failed on the file server',
    items: [
      [TROUBLESHOOTING, 'Backup job to the NAS failed with access denied on the share'],
      [MAINTENANCE, 'Reset the backup service account password and ran the job again'],
      [MAINTENANCE, 'Verified the restore of a test folder from last night'],
    ],
    ok: 'net share',
    fail: 'Get-SmbShare -Name Backup',
    error: notRecognized('Get-SmbShare'),
    linux: false,
    symptom: 'Nightly backup to the NAS fails with access denied',
    cause: 'The backup service account password expired',
    solution: 'Set the service account password to never expire and ran the backup job again',
    learning: 'Backup service accounts need a password policy exemption, or the job fails silently after 90 days',
  },
  {
    title: 'Static addresses for the new printer VLAN',
    items: [
      [CONFIGURATION, 'Moved the printers to their own VLAN and gave them static addresses'],
      [INFRASTRUCTURE, 'Added the printer VLAN on the core switch and the firewall'],
      [TROUBLESHOOTING, 'Print server could not reach the new VLAN until the route was added'],
    ],
    ok: 'ipconfig /all',
    fail: 'Get-NetIPAddress -AddressFamily IPv4',
    error: notRecognized('Get-NetIPAddress'),
    linux: false,
    symptom: 'Printers unreachable after moving them to the new VLAN',
    cause: 'No route from the server network to the printer VLAN',
    solution: 'Added a static route on the firewall and allowed port 9100 to the printers',
    learning: 'Printers belong on their own VLAN, but the print server needs a route and port 9100',
  },
  {
    title: 'RMM agent rollout',
    items: [
      [MAINTENANCE, 'Deployed the RMM agent to the remaining servers'],
      [TROUBLESHOOTING, 'Agent download failed on the old server; copied the installer over SMB instead'],
      [DOCUMENTATION, 'Listed the servers running the agent in the asset sheet'],
    ],
    ok: 'msiexec /i agent.msi /qn',
    fail: 'Invoke-WebRequest https://download.vendor.example/agent.msi -OutFile agent.msi',
    error: notRecognized('Invoke-WebRequest'),
    linux: false,
    symptom: 'Agent installer download fails on the old server',
    cause: 'PowerShell 2.0 has no Invoke-WebRequest and TLS 1.2 is off',
    solution: 'Downloaded with System.Net.WebClient after enabling TLS 1.2, or copied the MSI over SMB',
    learning: 'Enable TLS 1.2 in the registry before any download on Server 2008 R2',
  },
  {
    title: 'Scan to email stopped working',
    items: [
      [TROUBLESHOOTING, 'Copier scan to email failed; the SMTP relay refused the connection'],
      [CONFIGURATION, 'Allowed the new public address on the Microsoft 365 SMTP relay connector'],
      [COMMUNICATION, 'Walked the front desk through a test scan'],
    ],
    ok: 'telnet smtp.office365.com 25',
    fail: 'Test-NetConnection smtp.office365.com -Port 25',
    error: notRecognized('Test-NetConnection'),
    linux: false,
    symptom: 'Scan to email fails on the copier with an SMTP relay error',
    cause: 'The relay connector did not list the public address after the ISP change',
    solution: 'Added the new public address to the relay connector in Exchange Online',
    learning: 'After an ISP change check every allow list keyed on the public address: SMTP relay, VPN, vendor portals',
  },
  {
    title: 'Practice management software update',
    items: [
      [MAINTENANCE, 'Installed the quarterly update of the practice management software'],
      [TROUBLESHOOTING, 'The update would not unpack on the server; unpacked it on a workstation instead'],
      [COMMUNICATION, 'Confirmed with the vendor that the database schema upgrade finished'],
    ],
    ok: 'robocopy C:\\Temp\\update D:\\Apps\\PM /E',
    fail: 'Expand-Archive C:\\Temp\\update.zip -DestinationPath C:\\Temp\\update',
    error: notRecognized('Expand-Archive'),
    linux: false,
    symptom: 'Practice management update will not unpack on the server',
    cause: 'Expand-Archive needs PowerShell 5',
    solution: 'Unpacked it with the Shell.Application COM object and ran the installer again',
    learning: 'Vendor updates of the practice management software need a full backup and the database offline first',
  },
  {
    title: 'Hardware inventory for the warranty renewal',
    items: [
      [DOCUMENTATION, 'Collected serial numbers and warranty dates of the servers'],
      [RESEARCH, 'Compared extended warranty offers for the two oldest servers'],
      [COMMUNICATION, 'Sent the renewal quote to the owner'],
    ],
    ok: 'systeminfo',
    fail: 'Get-ComputerInfo -Property CsManufacturer,BiosSerialNumber',
    error: notRecognized('Get-ComputerInfo'),
    linux: false,
    symptom: 'The inventory script fails on the oldest servers',
    cause: 'Get-ComputerInfo needs PowerShell 5.1',
    solution: 'Read the serial numbers with systeminfo and Win32_BIOS through WMI',
    learning: 'Keep a one-line WMI inventory command for servers too old for Get-ComputerInfo',
  },
  {
    title: 'Monthly patch review',
    items: [
      [MAINTENANCE, "Reviewed and approved this month's Windows updates"],
      [MAINTENANCE, 'Rebooted the servers in the maintenance window'],
      [SECURITY, 'Checked the patch level against the critical advisories'],
    ],
    ok: 'Get-HotFix',
    fail: 'wmic qfe list brief',
    error: "'wmic' is not recognized as an internal or external command, operable program or batch file.",
    linux: false,
    symptom: 'The patch report script fails on the new servers',
    cause: 'wmic was removed from current Windows builds',
    solution: 'Replaced wmic with Get-HotFix and Get-CimInstance in the patch script',
    learning: 'wmic is gone from Server 2025 and Windows 11 24H2: scripts must move to CIM',
  },
  {
    title: 'NAS dropping off the network',
    items: [
      [TROUBLESHOOTING, 'The NAS dropped off the network every night during the backup window'],
      [CONFIGURATION, 'Pinned the NAS link speed and disabled energy-efficient Ethernet on its switch port'],
      [MAINTENANCE, 'Updated the NAS firmware'],
    ],
    ok: 'ip addr show',
    fail: 'ifconfig eth0',
    error: 'bash: ifconfig: command not found',
    linux: true,
    symptom: 'The NAS drops off the network during the nightly backup',
    cause: 'Energy-efficient Ethernet renegotiated the link under load',
    solution: 'Disabled EEE on the switch port and pinned the link at 1 Gbit/s',
    learning: 'Disable energy-efficient Ethernet on the switch ports of storage devices',
  },
  {
    title: 'Web server port audit',
    items: [
      [SECURITY, 'Audited the listening ports on the web server'],
      [SECURITY, 'Closed the old FTP service and removed it from the firewall'],
      [DOCUMENTATION, 'Documented the open ports of each server'],
    ],
    ok: 'ss -tulpn',
    fail: 'netstat -tulpn',
    error: 'bash: netstat: command not found',
    linux: true,
    symptom: 'An unexpected service listens on port 21 of the web server',
    cause: 'The old vsftpd stayed enabled after the site migration',
    solution: 'Stopped and disabled vsftpd and closed port 21 on the firewall',
    learning: 'After a site migration audit the listening ports: old services stay enabled',
  },
  {
    title: 'Client portal certificate renewal',
    items: [
      [SECURITY, 'Renewed the TLS certificate of the client portal'],
      [CONFIGURATION, 'Switched the certificate renewal to the ACME client with a systemd timer'],
      [TROUBLESHOOTING, 'nginx kept serving the old certificate until it was reloaded'],
    ],
    ok: 'systemctl reload nginx',
    fail: 'service nginx reload',
    error: 'bash: service: command not found',
    linux: true,
    symptom: 'The client portal shows an expired certificate',
    cause: 'The renewal worked but nginx was never reloaded',
    solution: 'Added a deploy hook that reloads nginx after each renewal',
    learning: 'Certificate renewals need a reload hook, else the old certificate stays in memory',
  },
  {
    title: 'Split DNS for the client portal',
    items: [
      [CONFIGURATION, 'Set up split DNS so the portal resolves to its private address inside'],
      [TROUBLESHOOTING, 'Internal clients hit the public address and looped through the firewall'],
      [RESEARCH, 'Read up on hairpin NAT versus split DNS'],
    ],
    ok: 'getent hosts portal.corp.local',
    fail: 'nslookup portal.corp.local',
    error: 'bash: nslookup: command not found',
    linux: true,
    symptom: 'Internal users cannot open the portal by its public name',
    cause: 'The firewall does not support hairpin NAT',
    solution: 'Added an internal DNS zone for the portal pointing at the private address',
    learning: 'Prefer split DNS over hairpin NAT: it works on every firewall',
  },
  {
    title: 'Disk space alert on the file server',
    items: [
      [TROUBLESHOOTING, 'The system drive of the file server dropped below 5 percent free'],
      [MAINTENANCE, 'Cleaned the component store and moved the shadow copies to the data drive'],
      [MAINTENANCE, 'Raised the disk alert threshold in the RMM'],
    ],
    ok: 'Get-WmiObject Win32_LogicalDisk',
    fail: 'Get-CimInstance Win32_LogicalDisk',
    error: notRecognized('Get-CimInstance'),
    linux: false,
    symptom: 'The system drive of the file server is almost full',
    cause: 'Shadow copies stored on the system drive grew with the new share',
    solution: 'Moved the shadow copy storage to the data drive and cleaned up the component store',
    learning: 'Keep shadow copy storage off the system drive of file servers',
  },
  {
    title: 'Mapped drives missing after login',
    items: [
      [TROUBLESHOOTING, 'Users lost the scans drive after the group policy change'],
      [CONFIGURATION, 'Moved the drive mappings to group policy preferences'],
      [COMMUNICATION, 'Explained the new drive letters to the staff'],
    ],
    ok: 'net use S: \\\\fs01\\scans /persistent:yes',
    fail: 'New-PSDrive -Name S -PSProvider FileSystem -Root \\\\fs01\\scans -Persist',
    error: "New-PSDrive : A parameter cannot be found that matches parameter name 'Persist'.",
    linux: false,
    symptom: 'Mapped network drives are missing after users log in',
    cause: 'The logon script ran before the network was ready',
    solution: 'Replaced the logon script with group policy drive maps and enabled waiting for the network',
    learning: 'Drive maps belong in group policy preferences, not in logon scripts',
  },
];
