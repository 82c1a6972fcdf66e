using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.SmartContracts;
using NftMarketplace.SmartContracts.GasReport;

// Gas of deploying the contracts, creating collections and minting, as a markdown table:
//   dotnet run -c Release --project src/SmartContracts/GasReport [-- --rpc http://127.0.0.1:8545]
// Without --rpc it starts an empty Anvil of its own; a given node must fund Anvil's first dev account.

// Anvil's first dev account (mnemonic "test test … junk").
const string DevAccountKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

var rpcIndex = Array.IndexOf(args, "--rpc");
await using var anvil = rpcIndex >= 0 ? null : await LocalAnvil.StartAsync();
var rpc = rpcIndex >= 0 && rpcIndex + 1 < args.Length ? args[rpcIndex + 1] : anvil!.Rpc.ToString();
var web3 = new Web3(new Account(DevAccountKey, 31337), rpc);

var rows = await GasMeasurements.MeasureAsync(web3);
var clientVersion = await web3.Client.SendRequestAsync<string>("web3_clientVersion");

Console.WriteLine($"Gas used (solc {ContractArtifact.NftFactory.CompilerVersion}, {clientVersion})");
Console.WriteLine();
Console.WriteLine("| operation | gas | gas per token |");
Console.WriteLine("| --- | ---: | ---: |");
foreach (var row in rows)
{
    Console.WriteLine(row.ToMarkdown());
}
