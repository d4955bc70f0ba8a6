// Channels of the referrals domain (defineChannel exports) are declared here.
export {};
