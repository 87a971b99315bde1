import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { COMMAND_TASK_DESCRIPTIONS, CommandTask } from '../../src/machines/command-templates';

registerEnumType(CommandTask, {
  name: 'CommandTask',
  description: 'A common task an agent needs the right command for on a given machine.',
  valuesConfig: Object.fromEntries(
    Object.values(CommandTask).map((task) => [task, { description: COMMAND_TASK_DESCRIPTIONS[task] }]),
  ) as Record<CommandTask, { description: string }>,
});

@InputType({
  description: 'Arguments of a command task; each task uses the ones its description names. Values are quoted for the target shell.',
})
export class CommandArgsInput {
  @Field(() => String, { nullable: true, description: 'A file or directory path (up to 1000 characters).' })
  @IsOptional()
  @MaxLength(1000)
  path?: string;

  @Field(() => String, { nullable: true, description: 'A package name, for example "git" or "@angular/cli" (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  package?: string;

  @Field(() => String, { nullable: true, description: 'A service name (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  service?: string;

  @Field(() => String, { nullable: true, description: 'A host name or IP address (up to 255 characters).' })
  @IsOptional()
  @MaxLength(255)
  host?: string;

  @Field(() => String, { nullable: true, description: 'A file-name pattern, for example "*.log" (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  pattern?: string;

  @Field(() => Int, { nullable: true, description: 'How many lines to show (1 to 10000; 50 when omitted).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  lines?: number;
}

@ObjectType({ description: 'The command for a task on one machine, in its shell.' })
export class CommandSuggestion {
  @Field(() => CommandTask, { description: 'The task.' })
  task: CommandTask;

  @Field(() => String, { description: 'The shell it is written for: powershell, cmd, bash or zsh.' })
  shell: string;

  @Field(() => String, { description: 'The command line, arguments quoted.' })
  command: string;

  @Field(() => String, { nullable: true, description: "The machine's package manager it uses (INSTALL_PACKAGE)." })
  packageManager: string | null;

  @Field(() => String, { nullable: true, description: 'Anything to know, for example why an older form was chosen.' })
  note: string | null;

  @Field(() => String, { description: 'One line: "shell: command — note".' })
  text: string;
}
