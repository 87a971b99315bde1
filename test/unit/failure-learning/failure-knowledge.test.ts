import { FailureCategory } from '../../../entities/command-run.entity';
import {
  commandSignature,
  environmentConditions,
  inferFailureCategory,
  knownAlternative,
  operationSignature,
  sameEnvironment,
} from '../../../src/failure-learning/failure-knowledge';
import { refusedField } from '../../helpers/refused-field';

describe('commandSignature', () => {
  it.each([
    ['Get-LocalUser -Name "bob"', 'cmd:get-localuser'],
    ['sudo apt-get install -y foo', 'cmd:apt-get install'],
    ['net use Z: \\\\srv\\share', 'cmd:net use'],
    ['C:\\Tools\\PsExec.exe \\\\pc1 cmd', 'cmd:psexec'],
    ['  ifconfig   eth0 ', 'cmd:ifconfig'],
    ['git -C /repo status', 'cmd:git'],
    ['docker compose up -d', 'cmd:docker compose'],
    ['DEBIAN_FRONTEND=noninteractive apt-get upgrade', 'cmd:apt-get upgrade'],
    ["env LANG=C sudo -u postgres psql -c 'select 1'", 'cmd:psql'],
    ['& "C:\\Program Files\\Veeam\\Veeam.Agent.exe" /install', 'cmd:veeam.agent'],
    ['.\\Deploy.ps1 -Force', 'cmd:deploy'],
    ['. .\\profile.ps1', 'cmd:profile'],
    ['/usr/bin/systemctl restart nginx', 'cmd:systemctl restart'],
    ['winget install --id Git.Git -e', 'cmd:winget install'],
    ['kubectl "get" pods', 'cmd:kubectl'],
    ['ping -n 4 10.0.0.5', 'cmd:ping'],
    ['sc.exe query Spooler', 'cmd:sc query'],
    ['GIT.EXE PUSH origin main', 'cmd:git push'],
    ['npm ./local-package', 'cmd:npm'],
    ['(Get-Content C:\\x.txt).Count', 'cmd:get-content'],
    ['Get-Service | Where-Object Status -eq Running', 'cmd:get-service'],
    ['netsh advfirewall show allprofiles', 'cmd:netsh advfirewall'],
    ['sudo', 'cmd:sudo'],
  ])('%s → %s', (command, signature) => {
    expect(commandSignature(command)).toBe(signature);
  });

  it('gives the same signature whatever the arguments', () => {
    expect(commandSignature('net use X: \\\\fs01\\data /persistent:yes')).toBe(commandSignature('net use Y: \\\\fs02\\home'));
  });

  it('caps the signature at 255 characters and refuses a blank command', () => {
    expect(commandSignature('x'.repeat(4000))).toHaveLength(255);
    expect(refusedField(() => commandSignature('   '))).toBe('command');
  });
});

describe('operationSignature', () => {
  it.each([
    ['Install Veeam agent 6.1 on 10.0.0.5', 'op:install veeam agent on'],
    ['Copy "Q3 report.xlsx" to \\\\fs01\\share\\finance', 'op:copy to'],
    ['Join PC to domain with GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301}', 'op:join pc to domain with guid'],
    ['Upgrade firmware at https://10.0.0.2/admin, attempt 2 of 3', 'op:upgrade firmware at attempt of'],
    ['Restore /var/lib/mysql from backup taken 2024-05-01 10:30', 'op:restore from backup taken'],
    ["Reset bob's password in 'Sales OU'", "op:reset bob's password in"],
    ['Reserve fe80::1 for 00:11:22:33:44:55 (printer)', 'op:reserve for printer'],
    ['Map drive Z: to C:\\Shares\\Data.', 'op:map drive z to'],
    ['10.0.0.5', 'op:10.0.0.5'],
  ])('%s → %s', (operation, signature) => {
    expect(operationSignature(operation)).toBe(signature);
  });

  it('groups the same operation on other hosts and versions', () => {
    expect(operationSignature('install  VEEAM agent 6.2 on 10.0.0.9')).toBe(operationSignature('Install Veeam agent 6.1 on 10.0.0.5'));
  });

  it('caps the signature at 255 characters and refuses a blank operation', () => {
    const signature = operationSignature('restart the service '.repeat(200));
    expect(signature.length).toBeLessThanOrEqual(255);
    expect(signature).toMatch(/^op:restart the service restart/);
    expect(signature).not.toMatch(/\s$/);
    expect(refusedField(() => operationSignature(' \n '))).toBe('operation');
  });
});

describe('inferFailureCategory', () => {
  const { PERMISSION, NOT_FOUND, SYNTAX, NETWORK, TIMEOUT, COMPATIBILITY, DEPENDENCY, OTHER } = FailureCategory;

  it.each<[string, FailureCategory]>([
    // PowerShell
    [
      "Get-LocalUser : The term 'Get-LocalUser' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      COMPATIBILITY,
    ],
    ["The term 'ipconfg' is not recognized as the name of a cmdlet, function, script file, or operable program.", NOT_FOUND],
    // a cmdlet of a module the host lacks (ExchangeOnlineManagement): it exists elsewhere, so the environment is what differs
    [
      "Connect-ExchangeOnline : The term 'Connect-ExchangeOnline' is not recognized as the name of a cmdlet, function, script file, or operable program.",
      COMPATIBILITY,
    ],
    ["The term 'Sync-ADObject' is not recognized as the name of a cmdlet, function, script file, or operable program.", COMPATIBILITY],
    ["Get-Content : A parameter cannot be found that matches parameter name 'Tail'.", COMPATIBILITY],
    ["Get-Item : Cannot find path 'C:\\nope' because it does not exist.", NOT_FOUND],
    ["New-Item : Access to the path 'C:\\Windows\\x.txt' is denied.", PERMISSION],
    ["Unexpected token '}' in expression or statement.", SYNTAX],
    [
      "Import-Module : The specified module 'ActiveDirectory' was not loaded because no valid module file was found in any module directory.",
      DEPENDENCY,
    ],
    ['File C:\\scripts\\fix.ps1 cannot be loaded because running scripts is disabled on this system.', PERMISSION],
    [
      'Invoke-WebRequest : The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.',
      NETWORK,
    ],
    [
      'New-PSSession : [srv01] Connecting to remote server srv01 failed with the following error message : WinRM cannot complete the operation.',
      NETWORK,
    ],
    ['Start-Process : This command cannot be run due to the error: The requested operation requires elevation.', PERMISSION],
    // cmd
    ["'Get-Process' is not recognized as an internal or external command, operable program or batch file.", COMPATIBILITY],
    ["'ipconfg' is not recognized as an internal or external command, operable program or batch file.", NOT_FOUND],
    ['System error 53 has occurred.\r\n\r\nThe network path was not found.', NETWORK],
    ['The syntax of the command is incorrect.', SYNTAX],
    ['Access is denied.', PERMISSION],
    ['Invalid switch - "x".', SYNTAX],
    ['Request timed out.', TIMEOUT],
    ['Reply from 10.0.0.1: Destination host unreachable.', NETWORK],
    // bash and coreutils
    ['bash: ip: command not found', NOT_FOUND],
    ['bash: Get-LocalUser: command not found', COMPATIBILITY],
    ['bash: update-grub: command not found', NOT_FOUND],
    ["ls: cannot access '/srv/x': No such file or directory", NOT_FOUND],
    ["bash: syntax error near unexpected token `('", SYNTAX],
    ["ls: invalid option -- 'z'", SYNTAX],
    ['Failed to restart nginx.service: Access denied', PERMISSION],
    ['Failed to restart foo.service: Unit foo.service not found.', NOT_FOUND],
    ['chown: changing ownership of /srv/x: Operation not permitted', PERMISSION],
    ['./deploy.sh: line 3: /usr/local/bin/tool: cannot execute binary file: Exec format error', COMPATIBILITY],
    [
      'python3: error while loading shared libraries: libpython3.11.so.1.0: cannot open shared object file: No such file or directory',
      DEPENDENCY,
    ],
    ["ModuleNotFoundError: No module named 'requests'", DEPENDENCY],
    // ssh
    ['ssh: connect to host 10.0.0.5 port 22: Connection timed out', TIMEOUT],
    ['bob@10.0.0.5: Permission denied (publickey,password).', PERMISSION],
    ['ssh: Could not resolve hostname srv01: Name or service not known', NETWORK],
    ['ssh: connect to host 10.0.0.5 port 22: Connection refused', NETWORK],
    ['ssh: connect to host 10.0.0.5 port 22: No route to host', NETWORK],
    // curl
    ['curl: (6) Could not resolve host: example.invalid', NETWORK],
    ['curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received', TIMEOUT],
    ['curl: (22) The requested URL returned error: 404', NOT_FOUND],
    ['curl: (22) The requested URL returned error: 403', PERMISSION],
    ["curl: (7) Failed to connect to 10.0.0.5 port 443 after 2 ms: Couldn't connect to server", NETWORK],
    // apt
    ['E: Unable to locate package htopp', NOT_FOUND],
    ['E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)', PERMISSION],
    ['E: Unable to correct problems, you have held broken packages.', DEPENDENCY],
    ['The following packages have unmet dependencies:\n foo : Depends: libbar (>= 2) but it is not going to be installed', DEPENDENCY],
    ["Temporary failure resolving 'archive.ubuntu.com'", NETWORK],
    ["E: Package 'foo' has no installation candidate", NOT_FOUND],
    // nothing recognisable
    ['Job for nginx.service failed because the control process exited with error code.', OTHER],
  ])('%s → %s', (message, category) => {
    expect(inferFailureCategory(message)).toBe(category);
  });

  it.each<[string | null | undefined, number | null | undefined, FailureCategory]>([
    [null, 127, NOT_FOUND],
    ['', 126, PERMISSION],
    [undefined, 124, TIMEOUT],
    ['something odd happened', 1, OTHER],
    [null, null, OTHER],
    [undefined, undefined, OTHER],
    ['bash: Get-LocalUser: command not found', 127, COMPATIBILITY],
    ['Access is denied.', 127, PERMISSION],
  ])('message %j with exit code %j → %s (the message wins)', (message, exitCode, category) => {
    expect(inferFailureCategory(message, exitCode)).toBe(category);
  });
});

describe('knownAlternative', () => {
  it.each([
    ['cmd:get-localuser', 'Win32_UserAccount'],
    ['  CMD:Get-LocalUser ', 'LocalAccount=True'],
    ['cmd:get-localgroupmember', 'net localgroup'],
    ['cmd:get-netipaddress', 'ipconfig /all'],
    ['cmd:get-ciminstance', 'Get-WmiObject'],
    ['cmd:invoke-webrequest', 'System.Net.WebClient'],
    ['cmd:test-netconnection', 'Test-Connection'],
    ['cmd:get-smbshare', 'net share'],
    ['cmd:new-psdrive', 'net use'],
    ['cmd:ifconfig', 'ip addr'],
    ['cmd:netstat', 'ss -tulpn'],
    ['cmd:service', 'systemctl'],
  ])('%s → mentions %s', (signature, expected) => {
    expect(knownAlternative(signature)).toContain(expected);
  });

  it('works on signatures as commandSignature makes them, and misses unknown commands', () => {
    expect(knownAlternative(commandSignature('Get-LocalUser -Name bob'))).toMatch(
      /^Get-WmiObject -Class Win32_UserAccount -Filter "LocalAccount=True"/,
    );
    expect(knownAlternative(commandSignature('sudo ifconfig eth0 up'))).toMatch(/^ip addr/);
    expect(knownAlternative('cmd:ls')).toBeNull();
    expect(knownAlternative('cmd:constructor')).toBeNull();
  });
});

describe('environmentConditions', () => {
  it.each<[{ os: string | null; osVersion: string | null }, string | null | undefined, string[]]>([
    [{ os: 'Windows Server', osVersion: '2008 R2' }, 'PowerShell 2.0', ['Windows Server 2008 R2', 'powershell 2.0']],
    [{ os: '  Ubuntu ', osVersion: ' 22.04   LTS' }, '  Bash  5.1 ', ['Ubuntu 22.04 LTS', 'bash 5.1']],
    [{ os: 'Windows Server', osVersion: 'Windows Server 2012 R2' }, undefined, ['Windows Server 2012 R2']],
    [{ os: 'Windows Server', osVersion: '' }, '   ', ['Windows Server']],
    [{ os: null, osVersion: '14.5' }, 'zsh', ['14.5', 'zsh']],
    [{ os: null, osVersion: null }, null, []],
  ])('%j with shell %j → %j', (host, shell, expected) => {
    expect(environmentConditions(host, shell)).toEqual(expected);
  });
});

describe('sameEnvironment', () => {
  it.each<[string[], string[], string[]]>([
    [['Windows Server 2008 R2', 'powershell 2.0'], ['Windows Server 2008', 'powershell 5.1'], ['Windows Server 2008']],
    [['Windows Server 2008'], ['windows server 2008 r2'], ['Windows Server 2008']],
    [['PowerShell 2.0'], ['powershell 2.0'], ['PowerShell 2.0']],
    [['Windows Server 2008'], ['Windows Server 20081'], []],
    [['Windows 1'], ['Windows 10'], []],
    [
      ['bash', 'Ubuntu 22.04'],
      ['Ubuntu 22.04 LTS', 'bash'],
      ['bash', 'Ubuntu 22.04'],
    ],
    [['Windows Server 2008 R2'], ['Windows Server 2008', 'Windows Server 2008 R2'], ['Windows Server 2008 R2']],
    [['Windows Server 2008 R2', 'windows server 2008'], ['Windows Server 2008'], ['Windows Server 2008']],
    [['Ubuntu 22.04'], ['Debian 12'], []],
    [[], ['bash'], []],
    [['', 'bash'], ['', 'bash'], ['bash']],
  ])('%j and %j share %j', (conditions, other, shared) => {
    expect(sameEnvironment(conditions, other)).toEqual(shared);
  });
});

// Speed is measured by npm run bench; a backtracking regex would blow jest's timeout here.
describe('hostile input', () => {
  const inputs = [
    "'".repeat(4000),
    '"'.repeat(4000),
    'a-'.repeat(2000),
    ':'.repeat(4000),
    '0:'.repeat(2000),
    'a'.repeat(4000),
    '1.'.repeat(2000),
    "a ' ".repeat(1000),
    'Get-A'.repeat(800),
  ];

  it.each(inputs.map((input) => [input.slice(0, 12), input]))('%j… is handled', (_, input) => {
    expect(commandSignature(input).length).toBeLessThanOrEqual(255);
    expect(operationSignature(input)).toMatch(/^op:/);
    expect(Object.values(FailureCategory)).toContain(inferFailureCategory(`${input} command not found`));
    expect(environmentConditions({ os: input, osVersion: input }, input).length).toBeGreaterThan(0);
    expect(sameEnvironment([input], [input])).toHaveLength(1);
  });
});
