#!/usr/bin/env node
import { CommanderError } from 'commander';
import { EXIT } from './output';
import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // commander has printed its own message (or the help) already
    if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    else throw error;
  });
