// Public surface of the Ideogram client: everything other folders may import.
export * from './schemas';
export * from './validation';
export * from './imageType';
