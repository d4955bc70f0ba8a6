// Channels of the agreements domain (defineChannel exports) are declared here.
export {};
