// The role → permission table is shared with the renderer (which hides what a role cannot
// do); the core is what enforces it, on every channel, in router.ts.
export { grants, roleAllows } from '../../src-shared/workspace/roles';
