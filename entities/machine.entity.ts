import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';
import { MachineCapabilities } from './machine-capabilities';

/**
 * The API names the values in capitals (type-graphql exposes the keys); rows and fingerprints keep
 * Node's process.platform spelling (the values), so machines registered before keep their fingerprint.
 */
export enum Platform {
  WIN32 = 'win32',
  DARWIN = 'darwin',
  LINUX = 'linux',
}
registerEnumType(Platform, {
  name: 'Platform',
  description:
    "Operating system family. Node's process.platform names them in lower case (win32, darwin, linux); the SDK's platformOf(process.platform) maps one to the other.",
  valuesConfig: { WIN32: { description: 'Windows.' }, DARWIN: { description: 'macOS.' }, LINUX: { description: 'Linux.' } },
});

@ObjectType({ description: 'A computer a technician or agent works from, identified by its fingerprint.' })
@Audited()
@Entity('machines')
export class Machine {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, {
    description: `SHA-256 (hex) of "hostname|username|platform|homeDirectory", the platform as Node's process.platform spells it (win32, darwin, linux); unique per machine and user.`,
  })
  @Column('varchar', { length: 64, unique: true })
  fingerprint: string;

  @Field(() => String, { description: 'Host name as the machine reports it.' })
  @Column('varchar', { length: 255 })
  hostname: string;

  @Field(() => String, { description: 'Operating-system user the agent runs as.' })
  @Column('varchar', { length: 100 })
  username: string;

  @Field(() => Platform, { description: 'Operating system family.' })
  @Column('varchar', { length: 10 })
  platform: Platform;

  @Field(() => String, { description: 'Home directory of the user.' })
  @Column('varchar', { length: 500 })
  homeDirectory: string;

  @Field(() => String, { nullable: true, description: 'Shell commands should be written for, for example "bash", "zsh" or "powershell".' })
  @Column('varchar', { length: 50, nullable: true })
  preferredShell: string | null;

  @Field(() => MachineCapabilities, { description: 'Tools, shells and access available on the machine.' })
  @Column('simple-json')
  capabilities: MachineCapabilities;

  @Field(() => Date, { description: 'When the machine first registered (UTC).' })
  @TimestampColumn()
  firstSeenAt: Date;

  @Field(() => Date, { description: 'When the machine last registered (UTC).' })
  @TimestampColumn()
  lastSeenAt: Date;
}
