import { redactSecrets } from '../../../cli/src/redact';

describe('secrets redacted from recorded commands and their output', () => {
  it.each([
    ['mysql -u root --password=Hunter2secret db', 'mysql -u root --password=[redacted] db'],
    ['net use Z: \\\\nas\\share /user:admin --password "two words"', 'net use Z: \\\\nas\\share /user:admin --password [redacted]'],
    ['curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def" https://api', 'curl -H "Authorization: Bearer [redacted]" https://api'],
    ['export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'export AWS_ACCESS_KEY_ID=[aws key redacted]'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [redacted]'],
    ['psql postgres://app:s3cr3t@db.internal:5432/app', 'psql postgres://app:[redacted]@db.internal:5432/app'],
    ['Server=sql1;Database=crm;User Id=sa;Password=P@ss;', 'Server=sql1;Database=crm;User Id=sa;Password=[redacted];'],
    ['$p = ConvertTo-SecureString "Summer2026!" -AsPlainText -Force', '$p = ConvertTo-SecureString [redacted] -AsPlainText -Force'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----', '[private key redacted]'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves ordinary commands alone', () => {
    const plain = 'Get-WmiObject Win32_UserAccount -Filter "LocalAccount=True"; robocopy D:\\Shares E:\\Shares /MIR';
    expect(redactSecrets(plain)).toBe(plain);
  });
});
