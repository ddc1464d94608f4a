global using Funding.Contracts;
global using Funding.Contracts.Errors;
