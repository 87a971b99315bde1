import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { Machine, Platform } from '../../entities/machine.entity';
import { NotBlank } from '../kit/validators';
import { CommandSuggestion } from './command.types';
import type { PackageManagerTemplateSpec, MachineCapabilitiesReport, RegisterMachine } from '../../src/machines/machine.commands';

/** `|` separates the parts of the fingerprint, so it may not occur inside one. */
const NoPipe = () => Matches(/^[^|]*$/, { message: '$property may not contain "|"' });

@InputType({ description: 'A package manager and its install command template.' })
export class PackageManagerTemplateInput implements PackageManagerTemplateSpec {
  @Field(() => String, { description: 'Package manager name, for example "apt" (up to 50 characters).' })
  @NotBlank()
  @MaxLength(50)
  name: string;

  @Field(() => String, { description: 'Install template containing {package}, for example "brew install {package}".' })
  @MaxLength(500)
  @Matches(/\{package\}/, { message: '$property must contain the placeholder {package}' })
  install: string;
}

@InputType({ description: 'What the machine can do; lists hold at most 50 entries of up to 100 characters.' })
export class MachineCapabilitiesInput implements MachineCapabilitiesReport {
  @Field(() => [String], { nullable: true, description: 'VPN profile names.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  vpnProfiles?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether Docker is available.' })
  @IsOptional()
  @IsBoolean()
  docker?: boolean;

  @Field(() => String, { nullable: true, description: 'Default shell version.' })
  @IsOptional()
  @MaxLength(50)
  shellVersion?: string;

  @Field(() => String, { nullable: true, description: 'PowerShell version, if installed.' })
  @IsOptional()
  @MaxLength(50)
  powershellVersion?: string;

  @Field(() => [String], { nullable: true, description: 'MCP servers available.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  mcps?: string[];

  @Field(() => [String], { nullable: true, description: 'Agent skills installed.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(100, { each: true })
  skills?: string[];

  @Field(() => [PackageManagerTemplateInput], { nullable: true, description: 'Package managers and their install templates.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  packageManagers?: PackageManagerTemplateInput[];
}

@InputType({
  description: 'A machine announcing itself; the fingerprint is computed from hostname, username, platform and home directory.',
})
export class RegisterMachineInput implements RegisterMachine {
  @Field(() => String, { description: 'Host name (up to 255 characters, no "|").' })
  @NotBlank()
  @NoPipe()
  @MaxLength(255)
  hostname: string;

  @Field(() => String, { description: 'Operating-system user (up to 100 characters, no "|").' })
  @NotBlank()
  @NoPipe()
  @MaxLength(100)
  username: string;

  @Field(() => Platform, { description: 'Operating system family.' })
  @IsEnum(Platform)
  platform: Platform;

  @Field(() => String, { description: 'Home directory (up to 500 characters, no "|").' })
  @NotBlank()
  @NoPipe()
  @MaxLength(500)
  homeDirectory: string;

  @Field(() => String, { nullable: true, description: 'Preferred shell, for example "bash" or "powershell".' })
  @IsOptional()
  @MaxLength(50)
  preferredShell?: string;

  @Field(() => MachineCapabilitiesInput, { nullable: true, description: 'Capabilities; replace the stored ones when given.' })
  @IsOptional()
  @ValidateNested()
  capabilities?: MachineCapabilitiesInput;
}

@ObjectType({ description: 'Result of registerMachine.' })
export class RegisterMachinePayload {
  @Field(() => Machine, { description: 'The machine as stored now.' })
  machine: Machine;

  @Field(() => Boolean, { description: 'True when this call created the machine; false when it was known and only updated.' })
  created: boolean;

  @Field(() => [CommandSuggestion], {
    description: 'The commands for the common tasks that need no arguments, in this machine’s shell (commandFor gives the others).',
  })
  commands: CommandSuggestion[];
}
