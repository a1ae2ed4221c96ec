# Seconds one run of each test file takes (a file with -Scheme runs twice), measured one at a time on
# 2 cores: tests/Invoke-PesterTests.ps1 starts the longest first, so that no long file starts last. A
# file not listed starts before all of them. Refresh the figures from the "[+] file 12.3s" lines of a
# run (./tests/Invoke-PesterTests.ps1 -Workers 1) when they drift; their order is what matters.
@{
    'Faults.Tests.ps1'         = 19
    'Transport.Tests.ps1'      = 13
    'KeyLeak.Tests.ps1'        = 12
    'Tooling.Tests.ps1'        = 11
    'Proxy.Tests.ps1'          = 10
    'Calls.Tests.ps1'          = 10
    'Views.Tests.ps1'          = 4.3
    'Campaigns.Tests.ps1'      = 3.7
    'Shipping.Tests.ps1'       = 4
    'Help.Tests.ps1'           = 4
    'Connect.Tests.ps1'        = 2.4
    'VirtualNumbers.Tests.ps1' = 2
    'Tls.Tests.ps1'            = 1.6
    'OrdersAndUsers.Tests.ps1' = 1.5
    'Health.Tests.ps1'         = 0.6
    'HelpCompiler.Tests.ps1'   = 0.3
}
