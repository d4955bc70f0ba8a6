// Channels of the imports domain (defineChannel exports) are declared here.
export {};
