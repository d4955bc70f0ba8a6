// Channels of the stripe domain (defineChannel exports) are declared here.
export {};
