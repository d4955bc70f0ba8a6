// Channels of the applications domain (defineChannel exports) are declared here.
export {};
