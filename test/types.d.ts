declare module 'asl-validator' {
  function validator(definition: unknown, opts?: { checkPaths?: boolean; checkArn?: boolean }): { isValid: boolean; errors: unknown[] };
  export = validator;
}
